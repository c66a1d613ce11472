// Nuclear gradients of the integrals, for analytic SCF gradients (Pople, Krishnan, Schlegel & Binkley,
// Int. J. Quantum Chem. Symp. 13, 225 (1979); Helgaker, Jørgensen & Olsen, Molecular Electronic-
// Structure Theory, §9.9).
//
// One-electron derivatives: Debian's libint2 2.7.2 has no one-body derivative integrals
// (INCLUDE_ONEBODY 0), so they are built from shells of angular momentum l ± 1. For a Cartesian
// Gaussian x_A^a y_A^b z_A^c e^{−α r_A²} (x_A = x − A_x),
//     ∂/∂A_x = 2α x_A^{a+1}(…) − a x_A^{a−1}(…),
// so the derivative of a contracted shell is a shell of l + 1 with coefficients 2α_p c_p minus a times a
// shell of l − 1 with the same c_p, both built without libint2's renormalisation (the c_p are already
// those of normalisation-free primitives). Spherical shells are differentiated in their Cartesian
// components and transformed with libint2's solid harmonics. The nuclear-attraction operator's own
// derivative follows from translational invariance: ∂/∂C ⟨μ|1/r_C|ν⟩ = −(∂/∂A + ∂/∂B) ⟨μ|1/r_C|ν⟩.
//
// Two-electron derivatives: libint2's Coulomb engine at derivative order 1 (12 shell sets per quartet),
// over the unique quartets with 8-fold symmetry as in libint2's hartree-fock++ example.
#include "BridgeCommon.hpp"

#include <algorithm>
#include <cmath>

using ib_detail::fail;
using ib_detail::run_workers;
using ib_detail::schwarz;
using ib_detail::shell_pair_max;

namespace {

// libint2's index of the Cartesian component (a, b, c) in a shell of l = a + b + c (x exponent
// descending, then y descending).
inline size_t cartesian_index(int a, int b, int c) {
    const int l = a + b + c;
    (void)b;
    return static_cast<size_t>((l - a) * (l - a + 1) / 2 + c);
}

// A shell of angular momentum l + shift over the same primitives and centre, Cartesian, with the
// coefficients used as given (scaled by 2α_p when raising).
libint2::Shell shifted(const libint2::Shell &shell, int shift) {
    const auto &c = shell.contr[0].coeff;
    libint2::svector<double> coeff(c.begin(), c.end());
    if (shift > 0)
        for (size_t p = 0; p < coeff.size(); ++p) coeff[p] *= 2 * shell.alpha[p];
    return libint2::Shell(shell.alpha, libint2::svector<libint2::Shell::Contraction>{{shell.contr[0].l + shift, false, coeff}},
                          shell.O, false);
}

// The derivative shells of every shell of a basis.
struct DerivativeShells {
    std::vector<libint2::Shell> raised, lowered;
    explicit DerivativeShells(const ib_basis &b) {
        for (const auto &s : b.shells) {
            raised.push_back(shifted(s, 1));
            lowered.push_back(s.contr[0].l > 0 ? shifted(s, -1) : libint2::Shell());
        }
    }
};

// ∂/∂A_k ⟨s1|O|s2⟩ for the centre A of s1, k = x, y, z: three n1 × n2 row-major blocks into `out`
// (n1 = s1.size(), so spherical shells come out spherical). `engine` computes O.
void centre_derivative(libint2::Engine &engine, const ib_basis &b, const DerivativeShells &d, size_t s1, size_t s2,
                       std::vector<double> &scratch, std::vector<double> &out) {
    const auto &shell = b.shells[s1];
    const int l = shell.contr[0].l;
    const size_t n2 = b.shells[s2].size(), ncart = static_cast<size_t>((l + 1) * (l + 2) / 2);
    const size_t nup = static_cast<size_t>((l + 2) * (l + 3) / 2), ndown = static_cast<size_t>(l * (l + 1) / 2);
    const auto &buf = engine.results();
    std::vector<double> up(nup * n2, 0.0), down(ndown * n2, 0.0);
    engine.compute(d.raised[s1], b.shells[s2]);
    if (buf[0]) std::copy(buf[0], buf[0] + nup * n2, up.begin());
    if (l > 0) {
        engine.compute(d.lowered[s1], b.shells[s2]);
        if (buf[0]) std::copy(buf[0], buf[0] + ndown * n2, down.begin());
    }
    const size_t n1 = shell.size();
    out.assign(3 * n1 * n2, 0.0);
    scratch.assign(ncart * n2, 0.0);
    for (int k = 0; k < 3; ++k) {
        for (int a = l; a >= 0; --a)
            for (int bb = l - a; bb >= 0; --bb) {
                const int c = l - a - bb;
                const int e[3] = {a, bb, c};
                const size_t row = cartesian_index(a, bb, c);
                const size_t rup = cartesian_index(a + (k == 0), bb + (k == 1), c + (k == 2));
                for (size_t f2 = 0; f2 < n2; ++f2) scratch[row * n2 + f2] = up[rup * n2 + f2];
                if (e[k] > 0) {
                    const size_t rdown = cartesian_index(a - (k == 0), bb - (k == 1), c - (k == 2));
                    for (size_t f2 = 0; f2 < n2; ++f2) scratch[row * n2 + f2] -= e[k] * down[rdown * n2 + f2];
                }
            }
        double *target = out.data() + static_cast<size_t>(k) * n1 * n2;
        if (shell.contr[0].pure)
            libint2::solidharmonics::tform_rows(l, n2, scratch.data(), target);
        else
            std::copy(scratch.begin(), scratch.end(), target);
    }
}

// 2 Σ_{μ∈s1, ν∈s2} M_μν ∂_k⟨μ|O|ν⟩ for k = x, y, z, added to g.
void contract(const ib_basis &b, size_t s1, size_t s2, const std::vector<double> &block, const double *m, double scale, double *g) {
    const size_t nbf = static_cast<size_t>(b.nbf), n1 = b.shells[s1].size(), n2 = b.shells[s2].size();
    const size_t o1 = b.offsets[s1], o2 = b.offsets[s2];
    for (int k = 0; k < 3; ++k) {
        double sum = 0;
        for (size_t f1 = 0; f1 < n1; ++f1)
            for (size_t f2 = 0; f2 < n2; ++f2) sum += m[(o1 + f1) * nbf + o2 + f2] * block[(k * n1 + f1) * n2 + f2];
        g[k] += 2 * scale * sum;
    }
}

}  // namespace

extern "C" {

int ib_one_body_gradient(const ib_basis *basis, const double *density, const double *energy_weighted, int charge_count,
                         const double *charges, const double *positions, int threads, double *shell_gradient,
                         double *charge_gradient, char *error, int error_length) {
    try {
        const auto &b = *basis;
        const size_t n = b.shells.size();
        const DerivativeShells d(b);
        const int workers = std::max(1, std::min(threads, static_cast<int>(n)));
        std::vector<std::vector<double>> shell_part(workers, std::vector<double>(3 * n, 0.0));
        std::vector<std::vector<double>> charge_part(workers, std::vector<double>(3 * static_cast<size_t>(charge_count), 0.0));
        auto work = [&](int w) {
            libint2::Engine overlap(libint2::Operator::overlap, b.max_nprim, b.max_l + 1, 0);
            libint2::Engine kinetic(libint2::Operator::kinetic, b.max_nprim, b.max_l + 1, 0);
            libint2::Engine nuclear(libint2::Operator::nuclear, b.max_nprim, b.max_l + 1, 0);
            std::vector<double> scratch, block;
            for (size_t s1 = static_cast<size_t>(w); s1 < n; s1 += static_cast<size_t>(workers)) {
                double *g = shell_part[w].data() + 3 * s1;
                for (size_t s2 = 0; s2 < n; ++s2) {
                    centre_derivative(kinetic, b, d, s1, s2, scratch, block);
                    contract(b, s1, s2, block, density, 1.0, g);
                    centre_derivative(overlap, b, d, s1, s2, scratch, block);
                    contract(b, s1, s2, block, energy_weighted, -1.0, g);
                }
                for (int c = 0; c < charge_count; ++c) {
                    nuclear.set_params(std::vector<std::pair<double, std::array<double, 3>>>{
                        {charges[c], {positions[3 * c], positions[3 * c + 1], positions[3 * c + 2]}}});
                    double part[3] = {0, 0, 0};
                    for (size_t s2 = 0; s2 < n; ++s2) {
                        centre_derivative(nuclear, b, d, s1, s2, scratch, block);
                        contract(b, s1, s2, block, density, 1.0, part);
                    }
                    for (int k = 0; k < 3; ++k) {
                        g[k] += part[k];
                        charge_part[w][3 * static_cast<size_t>(c) + k] -= part[k];
                    }
                }
            }
        };
        if (!run_workers(workers, work, error, error_length)) return 1;
        std::fill(shell_gradient, shell_gradient + 3 * n, 0.0);
        std::fill(charge_gradient, charge_gradient + 3 * charge_count, 0.0);
        for (int w = 0; w < workers; ++w) {
            for (size_t i = 0; i < 3 * n; ++i) shell_gradient[i] += shell_part[w][i];
            for (size_t i = 0; i < 3 * static_cast<size_t>(charge_count); ++i) charge_gradient[i] += charge_part[w][i];
        }
        return 0;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return 1;
    }
}

int ib_two_body_gradient(const ib_basis *basis, const double *coulomb_density, int exchange_count, const double *exchange_densities,
                         double exchange_scale, double threshold, int threads, double *shell_gradient, char *error,
                         int error_length) {
    try {
        const auto &b = *basis;
        const size_t n = b.shells.size(), nbf = static_cast<size_t>(b.nbf), nx = static_cast<size_t>(exchange_count);
        const auto q = schwarz(b);
        // Screening bound: the largest Coulomb or exchange density element over each shell pair.
        const auto dc = shell_pair_max(b, coulomb_density, 1);
        const auto dx = nx > 0 ? shell_pair_max(b, exchange_densities, exchange_count) : std::vector<double>(n * n, 0.0);
        auto bound = [&](size_t s1, size_t s2, size_t s3, size_t s4) {
            const double coulomb = dc[s1 * n + s2] * dc[s3 * n + s4];
            const double exchange = std::max(dx[s1 * n + s3] * dx[s2 * n + s4], dx[s1 * n + s4] * dx[s2 * n + s3]);
            return std::max(coulomb, exchange_scale * exchange);
        };
        const int workers = std::max(1, threads);
        std::vector<std::vector<double>> part(workers, std::vector<double>(3 * n, 0.0));
        auto work = [&](int w) {
            libint2::Engine engine(libint2::Operator::coulomb, b.max_nprim, b.max_l, 1, std::numeric_limits<double>::epsilon() * 1e-2);
            const auto &buf = engine.results();
            size_t counter = 0;
            for (size_t s1 = 0; s1 < n; ++s1)
                for (size_t s2 = 0; s2 <= s1; ++s2)
                    for (size_t s3 = 0; s3 <= s1; ++s3) {
                        const size_t s4max = (s1 == s3) ? s2 : s3;
                        for (size_t s4 = 0; s4 <= s4max; ++s4) {
                            if ((counter++) % static_cast<size_t>(workers) != static_cast<size_t>(w)) continue;
                            if (q[s1 * n + s2] * q[s3 * n + s4] * bound(s1, s2, s3, s4) < threshold) continue;
                            engine.compute2<libint2::Operator::coulomb, libint2::BraKet::xx_xx, 1>(b.shells[s1], b.shells[s2], b.shells[s3],
                                                                                                  b.shells[s4]);
                            if (!buf[0]) continue;
                            // Σ over all index orders = Σ over unique quartets × degeneracy, for the
                            // 8-fold symmetric weight f = ½ Dc_μν Dc_λσ − s·½ Σ_d (D_μλ D_νσ + D_μσ D_νλ).
                            const double deg = (s1 == s2 ? 1.0 : 2.0) * (s3 == s4 ? 1.0 : 2.0) * ((s1 == s3) ? (s2 == s4 ? 1.0 : 2.0) : 2.0);
                            const size_t o1 = b.offsets[s1], o2 = b.offsets[s2], o3 = b.offsets[s3], o4 = b.offsets[s4];
                            const size_t n1 = b.shells[s1].size(), n2 = b.shells[s2].size(), n3 = b.shells[s3].size(),
                                         n4 = b.shells[s4].size();
                            const size_t centres[4] = {s1, s2, s3, s4};
                            double sums[12] = {0};
                            for (size_t f1 = 0, f = 0; f1 < n1; ++f1) {
                                const size_t i = o1 + f1;
                                for (size_t f2 = 0; f2 < n2; ++f2) {
                                    const size_t j = o2 + f2;
                                    const double dij = coulomb_density[i * nbf + j];
                                    for (size_t f3 = 0; f3 < n3; ++f3) {
                                        const size_t k = o3 + f3;
                                        for (size_t f4 = 0; f4 < n4; ++f4, ++f) {
                                            const size_t l = o4 + f4;
                                            double weight = 0.5 * dij * coulomb_density[k * nbf + l];
                                            for (size_t x = 0; x < nx; ++x) {
                                                const double *D = exchange_densities + x * nbf * nbf;
                                                weight -= exchange_scale * 0.5 * (D[i * nbf + k] * D[j * nbf + l] + D[i * nbf + l] * D[j * nbf + k]);
                                            }
                                            for (int c = 0; c < 12; ++c) sums[c] += weight * buf[c][f];
                                        }
                                    }
                                }
                            }
                            for (int c = 0; c < 12; ++c) part[w][3 * centres[c / 3] + c % 3] += deg * sums[c];
                        }
                    }
        };
        if (!run_workers(workers, work, error, error_length)) return 1;
        std::fill(shell_gradient, shell_gradient + 3 * n, 0.0);
        for (int w = 0; w < workers; ++w)
            for (size_t i = 0; i < 3 * n; ++i) shell_gradient[i] += part[w][i];
        return 0;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return 1;
    }
}

}  // extern "C"
