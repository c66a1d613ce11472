import Foundation
import InterphaseCore
import Spectroscopy
import Testing
import _InterphaseTestSupport

/// Backgrounds against closed forms: the Shirley fixed point of a noiseless peak on flat ends, the
/// Tougaard background far from a narrow peak (B·A·T/(C + T²)²), and the linear one.
@Suite struct BackgroundTests {
    /// A Gaussian (area A, σ) at 285 eV on the Shirley step it defines itself: B(E) = I_low + step·Φ((E − c)/σ),
    /// Φ the normal CDF (the cumulative area of the peak over its total). The iteration must return this B.
    @Test func shirleyOfSinglePeakIsItsClosedForm() throws {
        let c = 285.0, sigma = 0.6, area = 5000.0, low = 200.0, high = 900.0
        let x = (0...1200).map { 280 + Double($0) * 0.01 }
        let peak = x.map { area / (sigma * (2 * Double.pi).squareRoot()) * exp(-0.5 * pow(($0 - c) / sigma, 2)) }
        let closed = x.map { low + (high - low) * 0.5 * erfc(-($0 - c) / (sigma * 2.0.squareRoot())) }
        let y = zip(peak, closed).map { $0 + $1 }
        let ends = try BackgroundEndpoints(y, points: 1)
        let b = try ShirleyBackground.compute(x: x, y: y, endpoints: ends, tolerance: 1e-10)
        let worst = zip(b, closed).map { Swift.abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-3 * (high - low), "max |B − closed form| = \(worst)")
        // Averaging the end points over 5 points changes nothing on flat ends.
        let b5 = try ShirleyBackground.compute(x: x, y: y, endpoints: try BackgroundEndpoints(y, points: 5), tolerance: 1e-10)
        #expect((zip(b5, closed).map { Swift.abs($0 - $1) }.max() ?? 0) < 1e-3 * (high - low))
    }

    @Test func shirleyThatCannotConvergeIsAnError() throws {
        let x = (0..<50).map { Double($0) * 0.1 }
        let y = x.map { 100 + 50 * exp(-pow($0 - 2.5, 2)) + 20 * $0 }
        let e = expectInterphaseError(.notConverged) {
            try ShirleyBackground.compute(x: x, y: y, endpoints: try BackgroundEndpoints(y, points: 1), maxIterations: 1, region: "C 1s", file: "f.vms")
        }
        #expect(e?.message.contains("region 'C 1s'") == true && e?.file == "f.vms")
        _ = expectInterphaseError(.invalidParameter) { try BackgroundEndpoints(y, points: 40) }
    }

    @Test func tougaardFarFromNarrowPeakIsTheCrossSection() throws {
        let c = 100.0, area = 1000.0, sigma = 0.2
        let x = (0...8000).map { 95 + Double($0) * 0.01 }
        let y = x.map { area / (sigma * (2 * Double.pi).squareRoot()) * exp(-0.5 * pow(($0 - c) / sigma, 2)) }
        let ends = try BackgroundEndpoints(y, points: 1)
        let result = try TougaardBackground.compute(x: x, y: y, endpoints: ends, b: 2866)
        for t in [20.0, 40.0, 60.0] {
            let i = Int(((c + t - 95) / 0.01).rounded())
            let expected = 2866 * area * t / pow(1643 + t * t, 2)
            #expect(isClose(result.background[i], expected, rel: 2e-3), "T = \(t) eV: \(result.background[i]) vs \(expected)")
        }
        // B fitted: the background meets the high-energy end level.
        let y2 = y.enumerated().map { $1 + ($0 > 600 ? 50 : 0) }
        let fitted = try TougaardBackground.compute(x: x, y: y2, endpoints: try BackgroundEndpoints(y2, points: 3), b: nil)
        #expect(isClose(fitted.background.last!, try BackgroundEndpoints(y2, points: 3).high, rel: 1e-12))
    }

    @Test func linearJoinsTheAveragedEnds() throws {
        let x = [0.0, 1, 2, 3, 4, 5]
        let y = [1.0, 3, 9, 9, 5, 7]
        let ends = try BackgroundEndpoints(y, points: 2)
        #expect(ends.low == 2 && ends.high == 6)
        #expect(LinearBackground.compute(x: x, endpoints: ends) == [2, 2.8, 3.6, 4.4, 5.2, 6])
    }
}
