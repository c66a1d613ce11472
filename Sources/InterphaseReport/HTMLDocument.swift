import Foundation
import InterphaseCore

/// A small, self-contained HTML page (inline CSS, figures beside it as SVG with PNG fallback).
struct HTMLDocument {
    private var body: [String] = []
    private var toc: [(String, String)] = []
    let title: String

    init(title: String) { self.title = title }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    mutating func beginSection(id: String, title: String) {
        toc.append((id, title))
        body.append("<section id=\"\(HTMLDocument.escape(id))\"><h2>\(HTMLDocument.escape(title))</h2>")
    }

    mutating func endSection() { body.append("</section>") }
    mutating func heading(_ text: String) { body.append("<h3>\(HTMLDocument.escape(text))</h3>") }
    mutating func paragraph(_ text: String) { body.append("<p>\(HTMLDocument.escape(text))</p>") }
    mutating func failure(_ text: String) { body.append("<p class=\"failed\">This section failed: \(HTMLDocument.escape(text))</p>") }

    mutating func table(_ table: TextTable, caption: String) {
        var html = "<table><caption>\(HTMLDocument.escape(caption))</caption><thead><tr>"
        html += table.header.map { "<th>\(HTMLDocument.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in table.rows {
            html += "<tr>" + row.map { "<td>\(HTMLDocument.escape($0))</td>" }.joined() + "</tr>"
        }
        body.append(html + "</tbody></table>")
    }

    mutating func comparisons(_ list: [Comparison], caption: String) {
        var html = "<table class=\"comparison\"><caption>\(HTMLDocument.escape(caption))</caption>"
        html += "<thead><tr><th>quantity</th><th>unit</th><th>paper</th><th>Interphase</th><th>note</th></tr></thead><tbody>"
        for c in list {
            let ours = c.interphase.map { formatNumber($0, decimals: c.decimals).replacingOccurrences(of: "-", with: "\u{2212}") } ?? "—"
            html += "<tr><td>\(HTMLDocument.escape(c.quantity))</td><td>\(HTMLDocument.escape(c.unit))</td>"
            html += "<td>\(HTMLDocument.escape(c.paper))</td><td>\(HTMLDocument.escape(ours))</td><td>\(HTMLDocument.escape(c.note))</td></tr>"
        }
        body.append(html + "</tbody></table>")
    }

    mutating func figure(svg: String, png: String, caption: String) {
        body.append("""
        <figure><picture><source srcset="\(HTMLDocument.escape(svg))" type="image/svg+xml"><img src="\(HTMLDocument.escape(png))" alt="\(HTMLDocument.escape(caption))"></picture>
        <figcaption>\(HTMLDocument.escape(caption))</figcaption></figure>
        """)
    }

    func rendered() -> String {
        let nav = toc.map { "<li><a href=\"#\($0.0)\">\(HTMLDocument.escape($0.1))</a></li>" }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTMLDocument.escape(title))</title>
        <style>
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
        h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}h3{font-size:1.05rem}
        table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}caption{caption-side:top;text-align:left;font-style:italic;padding:.3rem 0}
        th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left}td{font-variant-numeric:tabular-nums}
        th{background:#f4f4f4}figure{margin:1.5rem 0}figure img{max-width:100%}figcaption{font-size:.85rem;color:#333;margin-top:.4rem}
        .failed{color:#b00020;font-weight:bold}nav ul{columns:2}
        </style></head><body>
        <h1>\(HTMLDocument.escape(title))</h1>
        <nav><ul>\(nav)</ul></nav>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }
}
