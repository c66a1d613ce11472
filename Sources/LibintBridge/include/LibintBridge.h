// The C API of Interphase's libint2 bridge: Gaussian shells in, integral matrices out. Every libint2
// call is in LibintBridge.cpp; Swift sees only these functions, plain arrays and an opaque basis.
//
// Matrices are row-major nbf × nbf doubles (all symmetric here). Functions return 0 on success and
// write a message into `error` (NUL-terminated, at most `error_length` bytes) otherwise.
#ifndef INTERPHASE_LIBINT_BRIDGE_H
#define INTERPHASE_LIBINT_BRIDGE_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ib_basis ib_basis;

/// One-body operators.
enum ib_operator { IB_OVERLAP = 0, IB_KINETIC = 1, IB_NUCLEAR = 2 };

/// A basis of `shell_count` contracted shells. Shell s has angular momentum `l[s]`, is spherical when
/// `pure[s]` is 1 (2l+1 functions) or Cartesian (libint's standard order, xx xy xz yy yz zz for d),
/// has `primitives[s]` primitives whose exponents (bohr⁻²) and contraction coefficients (for normalized
/// primitives, as basis-set files give them) follow those of shell s − 1 in `exponents` and
/// `coefficients`, and is centred at `centres[3s..3s+2]` (bohr). libint2 normalizes each contraction.
ib_basis *ib_basis_create(int shell_count, const int *l, const int *pure, const int *primitives, const double *exponents,
                          const double *coefficients, const double *centres, char *error, int error_length);
void ib_basis_destroy(ib_basis *basis);
/// Keep the Schwarz-surviving two-electron integrals in memory after the first Coulomb/exchange build
/// when they fit in `bytes` (semi-direct: later builds contract the stored blocks instead of computing
/// them again); 0 (the default) computes them every time.
void ib_basis_set_cache_limit(ib_basis *basis, double bytes);
/// Shell quartets held by the cache (0 when it is off or did not fit).
int ib_basis_cached_quartets(const ib_basis *basis);
/// Number of basis functions.
int ib_basis_function_count(const ib_basis *basis);
/// The first basis function of each shell (shell_count values).
void ib_basis_shell_offsets(const ib_basis *basis, int *offsets);

/// An overlap, kinetic-energy or nuclear-attraction matrix. For IB_NUCLEAR, `charge_count` point
/// charges (atomic units) at `positions` (bohr, 3 per charge).
int ib_one_body(const ib_basis *basis, int op, int charge_count, const double *charges, const double *positions, double *out,
                char *error, int error_length);

/// Electric dipole integrals ⟨μ|r − O|ν⟩ about `origin` (bohr): three nbf × nbf matrices (x, y, z) in
/// `out` (3 nbf² doubles).
int ib_dipole(const ib_basis *basis, const double *origin, double *out, char *error, int error_length);

/// The electrons' electrostatic potential at `point_count` points (bohr, 3 each): out[p] =
/// −Σ_μν D_μν ⟨μ| 1/|r − P| |ν⟩ (hartree per e), for a symmetric density D (row-major). Shell pairs whose
/// Gaussian-product prefactor times largest |D_μν| is below `threshold` are skipped. `threads` workers split the points.
int ib_electronic_potential(const ib_basis *basis, const double *density, int point_count, const double *points, double threshold,
                            int threads, double *out, char *error, int error_length);

/// The contraction coefficients libint2 uses for shell `shell` (after its normalization, which folds
/// in each primitive's norm for the x^l component): `primitives` values into `out`. A basis function's
/// value is Σ_p out[p] exp(−α_p r²) times x^a y^b z^c (Cartesian), or the solid-harmonic combination
/// of those given by ib_solid_harmonics (spherical).
int ib_basis_shell_coefficients(const ib_basis *basis, int shell, double *out);

/// libint2's real solid harmonics of degree l as combinations of Cartesian monomials: a dense
/// (2l+1) × (l+1)(l+2)/2 row-major matrix, rows in libint2's m order, columns in its Cartesian order.
void ib_solid_harmonics(int l, double *out);

/// Coulomb and exchange matrices of `density_count` symmetric densities D (row-major, nbf × nbf each):
/// J[D]_μν = Σ (μν|λσ) D_λσ and K[D]_μν = Σ (μλ|νσ) D_λσ, by a direct loop over the unique shell
/// quartets (8-fold symmetry) with Schwarz screening: a quartet is skipped when
/// √(μν|μν) √(λσ|λσ) · max|D| < `threshold`. `threads` workers (each with its own libint2 engine) split
/// the quartets; `k` may be NULL when no exchange is wanted.
int ib_coulomb_exchange(const ib_basis *basis, int density_count, const double *densities, double *j, double *k,
                        double threshold, int threads, char *error, int error_length);

/// Every two-electron integral (μν|λσ), nbf⁴ doubles (chemists' notation), for tests on small bases.
int ib_two_body_all(const ib_basis *basis, double *out, char *error, int error_length);

/// Nuclear-gradient contractions of the one-electron integrals (LibintGradients.cpp): the derivative
/// of Σ D_μν (T + V)_μν − Σ W_μν S_μν with respect to each shell's centre, into `shell_gradient`
/// (3 per shell, hartree/bohr), and the Hellmann–Feynman part from moving each point charge of V into
/// `charge_gradient` (3 per charge). D and W are symmetric row-major nbf × nbf (density and
/// energy-weighted density). `threads` workers split the shells.
int ib_one_body_gradient(const ib_basis *basis, const double *density, const double *energy_weighted, int charge_count,
                         const double *charges, const double *positions, int threads, double *shell_gradient,
                         double *charge_gradient, char *error, int error_length);

/// Nuclear-gradient contraction of the two-electron energy
/// E₂ = ½ Σ Dc_μν Dc_λσ (μν|λσ) − `exchange_scale` Σ_d Σ D^d_μλ D^d_νσ (μν|λσ)
/// with respect to each shell's centre (3 per shell into `shell_gradient`, hartree/bohr), from
/// libint2's first-derivative ERIs over the unique quartets. Dc is the Coulomb density, the
/// `exchange_count` D^d the exchange densities (RHF: D with scale ¼; UHF: Dα, Dβ with scale ½; a hybrid
/// functional multiplies by its exact-exchange fraction). Quartets whose Schwarz bound times the
/// largest density element they meet is below `threshold` are skipped.
int ib_two_body_gradient(const ib_basis *basis, const double *coulomb_density, int exchange_count, const double *exchange_densities,
                         double exchange_scale, double threshold, int threads, double *shell_gradient, char *error,
                         int error_length);

#ifdef __cplusplus
}
#endif
#endif
