import InterphaseCore

/// Reads impedance.py's circuit syntax into a `CircuitNode` tree by recursive descent (no evaluation of
/// the text):
///
///     circuit  := series
///     series   := term ('-' term)*
///     term     := 'p(' series (',' series)+ ')' | element
///     element  := symbol index        symbol ∈ CircuitElements (R, C, CPE, Wo, …), index := [0-9]+
///
/// Spaces are ignored. Errors are `.invalidParameter` on parameter "circuit", with the 1-based character
/// position of the problem as the error's `line` (label "character") and the text with a caret.
struct CircuitParser {
    private let characters: [Character]
    private let text: String
    private var index = 0
    private var nextParameter = 0
    private var names: [String: Int] = [:]

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    static func parse(_ text: String) throws -> CircuitNode {
        var parser = CircuitParser(text)
        parser.skipSpaces()
        guard parser.index < parser.characters.count else { throw parser.error("the circuit is empty", at: 0) }
        let node = try parser.series()
        parser.skipSpaces()
        if parser.index < parser.characters.count {
            let c = parser.characters[parser.index]
            throw parser.error(
                c == ")" ? "unbalanced parenthesis: ')' without a matching 'p('" : "unexpected '\(c)'", at: parser.index)
        }
        return node
    }

    private mutating func skipSpaces() {
        while index < characters.count && characters[index].isWhitespace { index += 1 }
    }

    private func peek() -> Character? { index < characters.count ? characters[index] : nil }

    private mutating func series() throws -> CircuitNode {
        var terms = [try term()]
        skipSpaces()
        while peek() == "-" {
            index += 1
            skipSpaces()
            terms.append(try term())
            skipSpaces()
        }
        return terms.count == 1 ? terms[0] : .series(terms)
    }

    private mutating func term() throws -> CircuitNode {
        skipSpaces()
        let start = index
        guard let c = peek() else { throw error("the circuit ends where an element or p(…) was expected", at: index) }
        guard c.isLetter else { throw error("expected an element or p(…), found '\(c)'", at: index) }
        var symbol = ""
        while let c = peek(), c.isLetter {
            symbol.append(c)
            index += 1
        }
        if symbol == "p" {
            skipSpaces()
            if peek() == "(" { return try parallel(openedAt: start) }
        }
        guard let element = CircuitElements.bySymbol[symbol] else {
            let known = CircuitElements.all.map(\.symbol).joined(separator: ", ")
            throw error("unknown element '\(symbol)' (known: \(known), and p(…) for parallel)", at: start)
        }
        var digits = ""
        while let c = peek(), c.isASCII, c.isNumber {
            digits.append(c)
            index += 1
        }
        if let c = peek(), c.isLetter || c == "_" || c == "." {
            throw error("bad index of '\(symbol)': '\(c)' after the element name; an index is digits only (\(symbol)0, \(symbol)1)", at: index)
        }
        guard !digits.isEmpty else {
            throw error("element '\(symbol)' has no index: impedance.py names each element with a number (\(symbol)0, \(symbol)1)", at: index)
        }
        let name = symbol + digits
        if let first = names[name] {
            throw error("element '\(name)' appears twice (first at character \(first + 1)); each element needs its own index", at: start)
        }
        names[name] = start
        let component = CircuitComponent(element: element, name: name, position: start + 1, firstParameter: nextParameter)
        nextParameter += element.parameters.count
        return .element(component)
    }

    private mutating func parallel(openedAt start: Int) throws -> CircuitNode {
        index += 1  // "("
        var branches = [try series()]
        skipSpaces()
        while peek() == "," {
            index += 1
            branches.append(try series())
            skipSpaces()
        }
        guard peek() == ")" else {
            if let c = peek() { throw error("expected ',' or ')' in p(…) opened at character \(start + 1), found '\(c)'", at: index) }
            throw error("unbalanced parenthesis: p( opened here is never closed", at: start)
        }
        index += 1
        guard branches.count >= 2 else {
            throw error("p(…) needs at least two branches separated by ','", at: start)
        }
        return .parallel(branches)
    }

    private func error(_ message: String, at offset: Int) -> InterphaseError {
        let caret = String(repeating: " ", count: offset) + "^"
        return InterphaseError(
            .invalidParameter, "\(message)\n  \(text)\n  \(caret)", line: offset + 1, lineLabel: "character",
            parameter: "circuit")
    }
}
