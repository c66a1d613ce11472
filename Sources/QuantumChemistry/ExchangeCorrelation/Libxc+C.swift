import CLibxc
import InterphaseCore

/// Every call into libxc. One `Libxc.Functional` per libxc component, spin-unpolarised (closed shells)
/// or polarised (open shells: ρ = (ρ_α, ρ_β), σ = (σ_αα, σ_αβ, σ_ββ) interleaved per point, as libxc
/// takes them).
enum Libxc {
    final class Functional: @unchecked Sendable {
        let handle: UnsafeMutablePointer<xc_func_type>
        /// libxc family: XC_FAMILY_LDA (1), GGA (2), or a hybrid GGA (32).
        let isGGA: Bool
        /// Fraction of exact (Hartree–Fock) exchange; 0 for a pure functional.
        let exactExchange: Double

        let polarized: Bool

        init(id: Int32, polarized: Bool = false) throws {
            guard let p = xc_func_alloc() else { throw InterphaseError(.library, "libxc could not allocate functional \(id)") }
            self.polarized = polarized
            guard xc_func_init(p, id, Int32(polarized ? XC_POLARIZED : XC_UNPOLARIZED)) == 0 else {
                xc_func_free(p)
                throw InterphaseError(.library, "libxc does not know functional \(id)", parameter: "method")
            }
            handle = p
            let family = xc_func_info_get_family(xc_func_get_info(p))
            guard [XC_FAMILY_LDA, XC_FAMILY_GGA, XC_FAMILY_HYB_GGA].map({ Int32($0) }).contains(family) else {
                xc_func_end(p)
                xc_func_free(p)
                throw InterphaseError(.invalidParameter, "libxc functional \(id) is of family \(family); only LDA and GGA are supported",
                                      parameter: "method")
            }
            isGGA = family != Int32(XC_FAMILY_LDA)
            exactExchange = xc_hyb_exx_coef(p)
        }

        deinit {
            xc_func_end(handle)
            xc_func_free(handle)
        }

        /// Energy per particle ε, ∂(ρε)/∂ρ and (GGA) ∂(ρε)/∂σ at `count` points, added into the outputs
        /// (each component of a sum adds its part). Polarised: `rho`, `vrho` hold 2 values per point,
        /// `sigma`, `vsigma` 3, and `scratch` must hold 6 × count.
        func evaluate(count: Int, rho: UnsafePointer<Double>, sigma: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>,
                      exc: UnsafeMutablePointer<Double>, vrho: UnsafeMutablePointer<Double>, vsigma: UnsafeMutablePointer<Double>) {
            // scratch: ε, vρ, vσ of this component.
            let spins = polarized ? 2 : 1, pairs = polarized ? 3 : 1
            let e = scratch, vr = scratch + count, vs = vr + spins * count
            if isGGA {
                xc_gga_exc_vxc(handle, count, rho, sigma, e, vr, vs)
                for g in 0..<(pairs * count) { vsigma[g] += vs[g] }
            } else {
                xc_lda_exc_vxc(handle, count, rho, e, vr)
            }
            for g in 0..<count { exc[g] += e[g] }
            for g in 0..<(spins * count) { vrho[g] += vr[g] }
        }
    }
}
