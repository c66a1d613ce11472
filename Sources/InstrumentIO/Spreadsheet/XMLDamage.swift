import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InterphaseCore

/// What a user is told when an XML part of an archive does not parse: which part, where, and that it
/// is damaged or cut short, instead of Foundation's "NSXMLParserErrorDomain Code=68".
enum XMLDamage {
    static func error(_ parser: XMLParser, part: String, file: String? = nil) -> InterphaseError {
        let code = (parser.parserError as NSError?)?.code
        return InterphaseError(.malformed,
                               "\(part) is damaged or cut short at line \(parser.lineNumber), column \(parser.columnNumber)"
                                   + (code.map { " (XML parser error \($0))" } ?? ""),
                               file: file, expected: "a complete \(part) as the instrument's software writes it")
    }
}
