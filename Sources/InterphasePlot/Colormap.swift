import Foundation

/// Colour maps for values: perceptually uniform viridis (cycle number, concentration, order parameter)
/// and a diverging red–white–blue map for signed fields centred on zero (electrostatic potential:
/// red negative, blue positive, as molecular-graphics programs colour ESP surfaces).
public enum Colormap: Sendable, Hashable {
    case viridis
    case redWhiteBlue

    /// Anchor colours of each map, evenly spaced from 0 to 1 (the last repeated); linear in between.
    /// viridis: matplotlib's (van der Walt & Smith, CC0), every 1/16. redWhiteBlue: ColorBrewer RdBu
    /// (Brewer, Apache-2.0), 11 classes.
    static let anchors: [Colormap: [Color]] = [
        .viridis: [
            "#440154", "#481A6C", "#472F7D", "#414487", "#39568C", "#31688E", "#2A788E", "#23888E", "#1F988B",
            "#22A884", "#35B779", "#54C568", "#7AD151", "#A5DB36", "#D2E21B", "#FDE725", "#FDE725",
        ].map { Color(hex: $0) },
        .redWhiteBlue: [
            "#67001F", "#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7", "#D1E5F0", "#92C5DE", "#4393C3", "#2166AC", "#053061", "#053061",
        ].map { Color(hex: $0) },
    ]

    /// Colour at `t` in 0…1.
    public func color(at t: Double) -> Color {
        let anchors = Colormap.anchors[self]!
        let x = min(max(t, 0), 1) * Double(anchors.count - 2)
        let i = min(Int(x), anchors.count - 2)
        let f = x - Double(i)
        let a = anchors[i], b = anchors[i + 1]
        return Color(a.red + f * (b.red - a.red), a.green + f * (b.green - a.green), a.blue + f * (b.blue - a.blue))
    }

    /// `count` discrete colours sampled from 0 to `upTo` (0.85 leaves out the palest yellow).
    public func discrete(_ count: Int, upTo: Double = 0.85) -> [Color] {
        guard count > 1 else { return [color(at: 0)] }
        return (0..<count).map { color(at: Double($0) / Double(count - 1) * upTo) }
    }
}
