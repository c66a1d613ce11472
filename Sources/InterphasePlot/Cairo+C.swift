import CCairo
import Foundation
import InterphaseCore

/// Every cairo call in Interphase: one drawing API that writes SVG, PNG and PDF (cairo 1.16, Debian
/// `libcairo2-dev`). Coordinates are points (1/72 in) with y pointing down; a PNG is drawn at `scale`
/// pixels per point.
final class CairoCanvas {
    enum Output { case svg, png, pdf }
    enum Anchor { case left, center, right }
    enum Baseline { case top, middle, bottom, alphabetic }

    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let output: Output
    private let path: String?

    /// A canvas that only measures text (an image surface of 1 × 1 px).
    static func measuring() -> CairoCanvas { CairoCanvas(output: .png, width: 1, height: 1, scale: 1, path: nil) }

    /// - Parameters: width/height in points; `scale` pixels per point for PNG.
    init(output: Output, width: Double, height: Double, scale: Double, path: String?) {
        self.output = output
        self.path = path
        switch output {
        case .svg:
            surface = cairo_svg_surface_create(path, width, height)
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_2)
        case .pdf:
            surface = cairo_pdf_surface_create(path, width, height)
        case .png:
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32((width * scale).rounded()), Int32((height * scale).rounded()))
        }
        context = cairo_create(surface)
        if output == .png { cairo_scale(context, scale, scale) }
        cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Flushes vector output or writes the PNG (`PNGEncoder`, at `pixelsPerInch`); throws on cairo
    /// errors.
    func finish(pixelsPerInch: Double = 72) throws {
        if output == .png, let path {
            cairo_surface_flush(surface)
            let status = cairo_surface_status(surface)
            if status != CAIRO_STATUS_SUCCESS {
                throw InterphaseError(.output, "cairo cannot draw the PNG: \(String(cString: cairo_status_to_string(status)))", file: path)
            }
            let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else {
                throw InterphaseError(.output, "cairo: the PNG surface has no pixels", file: path)
            }
            let pixels = UnsafeBufferPointer(start: UnsafePointer(data), count: stride * height)
            let png = try PNGEncoder.encode(argb32: pixels, width: width, height: height, stride: stride, pixelsPerInch: pixelsPerInch)
            do {
                try Data(png).write(to: URL(fileURLWithPath: path))
            } catch {
                throw InterphaseError(.output, "cannot write PNG: \(error.localizedDescription)", file: path)
            }
        } else {
            cairo_surface_finish(surface)
        }
        let status = cairo_surface_status(surface)
        if status != CAIRO_STATUS_SUCCESS {
            throw InterphaseError(.output, "cairo: \(String(cString: cairo_status_to_string(status)))", file: path)
        }
    }

    // MARK: Paths

    func save() { cairo_save(context) }
    func restore() { cairo_restore(context) }
    func clip(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(context, x, y, width, height)
        cairo_clip(context)
    }

    func move(_ x: Double, _ y: Double) { cairo_move_to(context, x, y) }
    func line(_ x: Double, _ y: Double) { cairo_line_to(context, x, y) }
    func rectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double) { cairo_rectangle(context, x, y, w, h) }
    func circle(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(context)
        cairo_arc(context, x, y, radius, 0, 2 * Double.pi)
    }

    /// Paints ARGB32 pixels (`rows` rows top-down) scaled to the rectangle, without smoothing between
    /// cells (nearest neighbour), so each grid value stays a crisp block.
    func image(_ pixels: [UInt32], columns: Int, rows: Int, x: Double, y: Double, width: Double, height: Double) {
        var data = pixels
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(columns)))
        guard stride == columns * 4 else {
            // Cairo rows are padded; copy row by row into a padded buffer.
            var padded = [UInt32](repeating: 0, count: stride / 4 * rows)
            for r in 0..<rows { for c in 0..<columns { padded[r * stride / 4 + c] = pixels[r * columns + c] } }
            image(padded, columns: stride / 4, rows: rows, x: x, y: y, width: width * Double(stride / 4) / Double(columns), height: height)
            return
        }
        data.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let source = cairo_image_surface_create_for_data(base, CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows), Int32(stride))
            defer { cairo_surface_destroy(source) }
            save()
            cairo_rectangle(context, x, y, width, height)
            cairo_clip(context)
            cairo_translate(context, x, y)
            cairo_scale(context, width / Double(columns), height / Double(rows))
            cairo_set_source_surface(context, source, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
            cairo_paint(context)
            restore()
        }
    }

    /// Whether this canvas rasterises (PNG, a sprite) rather than records vectors (SVG, PDF).
    var isRaster: Bool { output == .png }

    /// A transparent raster canvas of `width` × `height` device pixels, drawn in points at `scale` pixels
    /// per point: a sheet of marker sprites for `stamp`.
    static func sprite(width: Int, height: Int, scale: Double) -> CairoCanvas {
        CairoCanvas(output: .png, width: Double(width) / scale, height: Double(height) / scale, scale: scale, path: nil)
    }

    /// Runs `body` with the user space set to device pixels (the clip stays), for `stamp`.
    func inDeviceSpace(_ body: () -> Void) {
        save()
        cairo_identity_matrix(context)
        body()
        restore()
    }

    /// Composites the `size` × `size` pixel block at (`sx`, `sy`) of `sprite` onto this canvas with its
    /// top-left corner at device pixel (`dx`, `dy`), inside the clip. Call within `inDeviceSpace`: a
    /// pixel-aligned copy is a plain blend, ~20× cheaper than filling and stroking a small circle.
    func stamp(_ sprite: CairoCanvas, x sx: Int, y sy: Int, size: Int, atPixel dx: Int, _ dy: Int) {
        cairo_set_source_surface(context, sprite.surface, Double(dx - sx), Double(dy - sy))
        cairo_rectangle(context, Double(dx), Double(dy), Double(size), Double(size))
        cairo_fill(context)
    }

    func setColor(_ c: Color) { cairo_set_source_rgb(context, c.red, c.green, c.blue) }

    func stroke(_ color: Color, width: Double, dash: [Double] = [], preserve: Bool = false) {
        setColor(color)
        cairo_set_line_width(context, width)
        dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32(dash.count), 0) }
        if preserve { cairo_stroke_preserve(context) } else { cairo_stroke(context) }
    }

    func fill(_ color: Color, preserve: Bool = false) {
        setColor(color)
        if preserve { cairo_fill_preserve(context) } else { cairo_fill(context) }
    }

    /// Fills the current path with `color` at `alpha` (0–1).
    func fill(_ color: Color, alpha: Double) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, alpha)
        cairo_fill(context)
    }

    func paintBackground(_ color: Color) {
        setColor(color)
        cairo_paint(context)
    }

    // MARK: Text (cairo's toy font API with DejaVu Sans: it renders −, ′, ″, Ω and superscripts)

    func setFont(_ family: String, size: Double, bold: Bool) {
        cairo_select_font_face(context, family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }

    /// Advance width and the font's ascent/descent for `text` in the current font. - Units: pt.
    func measure(_ text: String) -> (width: Double, ascent: Double, descent: Double) {
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        var font = cairo_font_extents_t()
        cairo_font_extents(context, &font)
        return (extents.x_advance, font.ascent, font.descent)
    }

    /// Draws text with its anchor point at (x, y); `rotation` in radians (−π/2 for a y label).
    func text(_ text: String, x: Double, y: Double, anchor: Anchor, baseline: Baseline, color: Color = .black, rotation: Double = 0) {
        let m = measure(text)
        let capHeight = m.ascent * 0.72 // DejaVu's digit/cap height ≈ 0.72 of its ascent
        var dx = 0.0, dy = 0.0
        switch anchor {
        case .left: dx = 0
        case .center: dx = -m.width / 2
        case .right: dx = -m.width
        }
        switch baseline {
        case .alphabetic: dy = 0
        case .top: dy = capHeight
        case .middle: dy = capHeight / 2
        case .bottom: dy = -m.descent * 0.3
        }
        save()
        cairo_translate(context, x, y)
        if rotation != 0 { cairo_rotate(context, rotation) }
        cairo_move_to(context, dx, dy)
        setColor(color)
        cairo_show_text(context, text)
        cairo_new_path(context)
        restore()
    }
}

extension CairoCanvas {
    /// Reads a PNG with cairo (libpng) into ARGB32 words, premultiplied, row by row; nil when it cannot.
    /// For tests of our own PNG writer against an independent decoder.
    static func readPNG(_ path: String) -> (width: Int, height: Int, pixels: [UInt32])? {
        guard let image = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else { return nil }
        let width = Int(cairo_image_surface_get_width(image)), height = Int(cairo_image_surface_get_height(image))
        let stride = Int(cairo_image_surface_get_stride(image))
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        let words = UnsafeRawPointer(data)
        for y in 0..<height {
            for x in 0..<width { pixels.append(words.load(fromByteOffset: y * stride + 4 * x, as: UInt32.self)) }
        }
        return (width, height, pixels)
    }
}
