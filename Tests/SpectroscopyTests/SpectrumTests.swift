import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// The `Spectrum` invariants (constructed cases) and BE = hν − KE.
@Suite struct SpectrumTests {
    @Test func rejectsTooFewPointsUnequalLengthsNonFiniteAndNonMonotonic() {
        let meta = SpectrumMetadata(region: "C 1s")
        _ = expectInterphaseError(.invalidData) { try Spectrum(x: [1, 2], y: [1, 2], axis: .bindingEnergy) }
        _ = expectInterphaseError(.invalidData) { try Spectrum(x: [1, 2, 3], y: [1, 2], axis: .bindingEnergy) }
        _ = expectInterphaseError(.invalidData) { try Spectrum(x: [1, 2, 3], y: [1, .nan, 2], axis: .bindingEnergy) }
        let e = expectInterphaseError(.invalidData) {
            try Spectrum(x: [3, 2, 2, 1], y: [1, 1, 1, 1], axis: .bindingEnergy, metadata: meta, source: "f.vms")
        }
        #expect(e?.message.contains("region 'C 1s'") == true && e?.line == 3 && e?.file == "f.vms")
    }

    @Test func kineticToBindingEnergy() throws {
        let s = try Spectrum(x: [1180, 1181, 1182], y: [1, 2, 3], axis: .kineticEnergy, metadata: SpectrumMetadata(sourceEnergy: 1486.6))
        let be = try s.bindingEnergy()
        #expect(be.axis == .bindingEnergy && be.x.map { ($0 * 10).rounded() / 10 } == [306.6, 305.6, 304.6])
        _ = expectInterphaseError(.invalidParameter) {
            try Spectrum(x: [1, 2, 3], y: [1, 2, 3], axis: .kineticEnergy).bindingEnergy()
        }
        _ = expectInterphaseError(.invalidParameter) { try s.bindingEnergy(photonEnergy: -1) }
    }
}
