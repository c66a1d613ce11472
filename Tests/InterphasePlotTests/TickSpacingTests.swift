import Foundation
@testable import InterphasePlot
import Testing

@Suite struct TickSpacingTests {
    /// A 12,535-cycle axis on a 3.4-inch panel: the step widens until neighbouring labels leave a gap
    /// (it was 2000, and `10000` ran into `12000`); the limits stay; a short axis keeps its step.
    @Test func xLabelsDoNotTouch() {
        func layout(_ n: Double) -> (FigureLayout, CairoCanvas) {
            var axes = Axes(x: Axis("Cycle number", integer: true), y: Axis("Capacity (mAh)"))
            axes.add(.markers([1, n], [1, 2], MarkerStyle(.circle, color: .black)))
            let figure = Figure(width: 3.4, height: 2.5, panels: [axes])
            let measure = CairoCanvas.measuring()
            measure.setFont(figure.style.fontFamily, size: figure.style.fontSize, bold: false)
            return (FigureLayout(figure: figure, measure: measure), measure)
        }
        let (long, measure) = layout(12_535)
        let x = long.resolved[0].x
        let spacing = long.boxes[0].width * (x.major[1] - x.major[0]) / (x.upper - x.lower)
        let widest = x.major.map { measure.measure(Ticks.label($0, decimals: x.decimals)).width }.max() ?? 0
        #expect(widest < spacing)
        #expect(x.major[1] - x.major[0] == 5000)
        let (short, _) = layout(50)
        #expect(short.resolved[0].x.major[1] - short.resolved[0].x.major[0] == 10)
    }
}
