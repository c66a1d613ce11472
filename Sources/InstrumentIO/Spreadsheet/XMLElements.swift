import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InterphaseCore

/// Collects elements with their attributes (small documents: workbook, rels, styles).
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String] }
    private let names: Set<String>
    private let inside: String?
    private var depthInside = 0
    private(set) var found: [Element] = []

    private init(names: Set<String>, inside: String?) {
        self.names = names
        self.inside = inside
    }

    static func collect(_ data: Data, names: Set<String>, inside: String? = nil) throws -> [Element] {
        let collector = XMLElements(names: names, inside: inside)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() || data.isEmpty else {
            throw XMLDamage.error(parser, part: "the workbook XML")
        }
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        if let inside, local == inside { depthInside += 1 }
        if names.contains(local) && (inside == nil || depthInside > 0) {
            found.append(Element(name: local, attributes: attributeDict))
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        if let inside, local == inside { depthInside -= 1 }
    }
}
