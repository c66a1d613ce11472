import CyclerData
import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// CV analysis of the bundled EC-Lab CVA exports against an independent program:
/// `References/voltammetry_reference.py` (pandas reads the .mpt, numpy/scipy apply the documented rules
/// again: sweeps, longest sweep per direction, linear or zero baseline, largest interior local maximum,
/// charges split at zero crossings) → `Reference/voltammetry.json` (program versions and settings inside).
@Suite struct CVReferenceTests {
    static let reference: JSONValue? = try? JSONValue.parse(
        Data(contentsOf: Fixtures.reference("ElectroanalysisTests", "voltammetry.json")))

    @Test(arguments: [0, 1, 2, 3])
    func peaksAndChargesAgreeWithTheReferenceScript(analysis k: Int) throws {
        let ref = try #require(Self.reference?["analyses"]?.arrayValue?[k])
        let file = try #require(ref["file"]?.stringValue)
        var options = CyclicVoltammetryOptions()
        options.baseline = ref["baseline"]?.stringValue == "zero" ? .zero : .linear
        let recording = try RecordingLoader.load(Fixtures.root.appendingPathComponent(file))
        #expect(recording.count == ref["rows"]?.doubleValue.map { Int($0) })
        let a = try CyclicVoltammetryAnalysis(recording: recording, options: options)
        let cycles = try #require(ref["cycles"]?.arrayValue)
        #expect(a.cycles.count == cycles.count)
        for (mine, theirs) in zip(a.cycles, cycles) {
            #expect(mine.cycle == theirs["cycle"]?.doubleValue.map { Int($0) })
            let sweeps = a.voltammogram.sweeps.filter { $0.cycle == mine.cycle }
            let expected = try #require(theirs["sweeps"]?.arrayValue).map { s in s.arrayValue!.map { Int($0.doubleValue!) } }
            #expect(sweeps.map { [$0.range.lowerBound, $0.range.upperBound, $0.direction] } == expected, "cycle \(mine.cycle)")
            for (peak, key) in [(mine.anodicPeak, "anodic_peak"), (mine.cathodicPeak, "cathodic_peak")] {
                let other = theirs[key]
                if other == nil || other == .null {
                    #expect(peak == nil, "cycle \(mine.cycle) \(key): the reference finds none")
                    continue
                }
                let p = try #require(peak, "cycle \(mine.cycle) \(key)")
                #expect(p.index == other?["index"]?.doubleValue.map { Int($0) })
                #expect(p.potential == other?["potential_V"]?.doubleValue) // the same sample, read by two parsers
                #expect(isClose(p.current, try #require(other?["current_A"]?.doubleValue), rel: 1e-15))
                // numpy.polyfit (QR via lstsq) and our two-pass normal equations: agreement to 1e-9 of the current.
                #expect(isClose(p.baselineCurrent, try #require(other?["baseline_A"]?.doubleValue), rel: 1e-9, abs: 1e-15))
            }
            #expect(isClose(mine.anodicCharge, try #require(theirs["anodic_charge_C"]?.doubleValue), rel: 1e-12))
            #expect(isClose(mine.cathodicCharge, try #require(theirs["cathodic_charge_C"]?.doubleValue), rel: 1e-12))
            #expect(isClose(try #require(mine.chargeRatio), try #require(theirs["charge_ratio_pct"]?.doubleValue), rel: 1e-12))
        }
    }
}
