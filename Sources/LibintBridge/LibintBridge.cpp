// Interphase's bridge to libint2 (Valeev, Libint: a library for the evaluation of molecular integrals
// over Gaussians, version 2.7, http://libint.valeyev.net). This target (this file, LibintGradients.cpp and
// BridgeCommon.hpp) is the only code that includes libint2.
// The two-electron loop follows libint2's hartree-fock++ example (unique shell quartets, 8-fold
// permutational symmetry, Schwarz screening, one engine per thread).
#include "BridgeCommon.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {
std::once_flag initialized;
}  // namespace

namespace ib_detail {

std::vector<double> schwarz(const ib_basis &b) {
    const size_t n = b.shells.size();
    std::vector<double> q(n * n, 0.0);
    libint2::Engine engine(libint2::Operator::coulomb, b.max_nprim, b.max_l, 0, 0.0);
    const auto &buf = engine.results();
    for (size_t s1 = 0; s1 < n; ++s1) {
        for (size_t s2 = 0; s2 <= s1; ++s2) {
            engine.compute(b.shells[s1], b.shells[s2], b.shells[s1], b.shells[s2]);
            double m = 0;
            if (buf[0]) {
                const size_t n1 = b.shells[s1].size(), n2 = b.shells[s2].size();
                for (size_t f1 = 0; f1 < n1; ++f1)
                    for (size_t f2 = 0; f2 < n2; ++f2) {
                        const size_t f12 = f1 * n2 + f2;
                        m = std::max(m, std::abs(buf[0][f12 * n1 * n2 + f12]));
                    }
            }
            q[s1 * n + s2] = q[s2 * n + s1] = std::sqrt(m);
        }
    }
    return q;
}

std::vector<double> shell_pair_max(const ib_basis &b, const double *matrices, int count) {
    const size_t n = b.shells.size(), nbf = static_cast<size_t>(b.nbf);
    std::vector<double> m(n * n, 0.0);
    for (size_t d = 0; d < static_cast<size_t>(count); ++d)
        for (size_t s1 = 0; s1 < n; ++s1)
            for (size_t s2 = 0; s2 < n; ++s2) {
                double x = m[s1 * n + s2];
                for (size_t f1 = 0; f1 < b.shells[s1].size(); ++f1)
                    for (size_t f2 = 0; f2 < b.shells[s2].size(); ++f2)
                        x = std::max(x, std::abs(matrices[d * nbf * nbf + (b.offsets[s1] + f1) * nbf + b.offsets[s2] + f2]));
                m[s1 * n + s2] = x;
            }
    return m;
}

}  // namespace ib_detail

using ib_detail::fail;
using ib_detail::run_workers;
using ib_detail::schwarz;
using ib_detail::shell_pair_max;

extern "C" {

ib_basis *ib_basis_create(int shell_count, const int *l, const int *pure, const int *primitives, const double *exponents,
                          const double *coefficients, const double *centres, char *error, int error_length) {
    try {
        std::call_once(initialized, [] { libint2::initialize(); });
        auto *b = new ib_basis();
        size_t p = 0;
        for (int s = 0; s < shell_count; ++s) {
            if (l[s] < 0 || l[s] > LIBINT2_MAX_AM) {
                delete b;
                fail(error, error_length, "shell " + std::to_string(s) + ": angular momentum " + std::to_string(l[s]) +
                                              " is beyond this libint2 build's maximum " + std::to_string(LIBINT2_MAX_AM));
                return nullptr;
            }
            libint2::svector<double> alpha(exponents + p, exponents + p + primitives[s]);
            libint2::svector<double> coeff(coefficients + p, coefficients + p + primitives[s]);
            p += static_cast<size_t>(primitives[s]);
            b->shells.emplace_back(alpha, libint2::svector<libint2::Shell::Contraction>{{l[s], pure[s] != 0, coeff}},
                                   std::array<double, 3>{centres[3 * s], centres[3 * s + 1], centres[3 * s + 2]});
        }
        for (const auto &shell : b->shells) {
            b->offsets.push_back(b->nbf);
            b->nbf += static_cast<int>(shell.size());
            b->max_nprim = std::max(b->max_nprim, shell.nprim());
            b->max_l = std::max(b->max_l, shell.contr[0].l);
        }
        return b;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return nullptr;
    }
}

void ib_basis_destroy(ib_basis *basis) { delete basis; }

void ib_basis_set_cache_limit(ib_basis *basis, double bytes) {
    std::lock_guard<std::mutex> lock(basis->cache_mutex);
    basis->cache_limit = bytes;
    basis->cache_tried = false;
    basis->cache_quartets.clear();
    basis->cache_values.clear();
}

int ib_basis_cached_quartets(const ib_basis *basis) {
    std::lock_guard<std::mutex> lock(basis->cache_mutex);
    size_t count = 0;
    for (const auto &q : basis->cache_quartets) count += q.size();
    return static_cast<int>(count);
}

int ib_basis_function_count(const ib_basis *basis) { return basis->nbf; }

void ib_basis_shell_offsets(const ib_basis *basis, int *offsets) {
    std::copy(basis->offsets.begin(), basis->offsets.end(), offsets);
}

int ib_one_body(const ib_basis *basis, int op, int charge_count, const double *charges, const double *positions, double *out,
                char *error, int error_length) {
    try {
        const auto &b = *basis;
        libint2::Operator kind = op == IB_OVERLAP ? libint2::Operator::overlap
                                 : op == IB_KINETIC ? libint2::Operator::kinetic
                                                    : libint2::Operator::nuclear;
        libint2::Engine engine(kind, b.max_nprim, b.max_l, 0);
        if (op == IB_NUCLEAR) {
            std::vector<std::pair<double, std::array<double, 3>>> q;
            for (int a = 0; a < charge_count; ++a)
                q.push_back({charges[a], {positions[3 * a], positions[3 * a + 1], positions[3 * a + 2]}});
            engine.set_params(q);
        }
        const auto &buf = engine.results();
        const size_t n = b.shells.size(), nbf = static_cast<size_t>(b.nbf);
        std::fill(out, out + nbf * nbf, 0.0);
        for (size_t s1 = 0; s1 < n; ++s1) {
            for (size_t s2 = 0; s2 <= s1; ++s2) {
                engine.compute(b.shells[s1], b.shells[s2]);
                if (!buf[0]) continue;
                const size_t o1 = b.offsets[s1], o2 = b.offsets[s2], n1 = b.shells[s1].size(), n2 = b.shells[s2].size();
                for (size_t f1 = 0; f1 < n1; ++f1)
                    for (size_t f2 = 0; f2 < n2; ++f2) {
                        const double v = buf[0][f1 * n2 + f2];
                        out[(o1 + f1) * nbf + o2 + f2] = v;
                        out[(o2 + f2) * nbf + o1 + f1] = v;
                    }
            }
        }
        return 0;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return 1;
    }
}

int ib_dipole(const ib_basis *basis, const double *origin, double *out, char *error, int error_length) {
    try {
        const auto &b = *basis;
        libint2::Engine engine(libint2::Operator::emultipole1, b.max_nprim, b.max_l, 0);
        engine.set_params(std::array<double, 3>{origin[0], origin[1], origin[2]});
        const auto &buf = engine.results();
        const size_t n = b.shells.size(), nbf = static_cast<size_t>(b.nbf);
        std::fill(out, out + 3 * nbf * nbf, 0.0);
        for (size_t s1 = 0; s1 < n; ++s1) {
            for (size_t s2 = 0; s2 <= s1; ++s2) {
                engine.compute(b.shells[s1], b.shells[s2]);
                const size_t o1 = b.offsets[s1], o2 = b.offsets[s2], n1 = b.shells[s1].size(), n2 = b.shells[s2].size();
                // buf[0] is the overlap; buf[1..3] are the x, y, z components.
                for (size_t c = 0; c < 3; ++c) {
                    if (!buf[c + 1]) continue;
                    double *m = out + c * nbf * nbf;
                    for (size_t f1 = 0; f1 < n1; ++f1)
                        for (size_t f2 = 0; f2 < n2; ++f2) {
                            const double v = buf[c + 1][f1 * n2 + f2];
                            m[(o1 + f1) * nbf + o2 + f2] = v;
                            m[(o2 + f2) * nbf + o1 + f1] = v;
                        }
                }
            }
        }
        return 0;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return 1;
    }
}

int ib_electronic_potential(const ib_basis *basis, const double *density, int point_count, const double *points, double threshold,
                            int threads, double *out, char *error, int error_length) {
    try {
        const auto &b = *basis;
        const size_t n = b.shells.size(), nbf = static_cast<size_t>(b.nbf);
        // Significant shell pairs: the Gaussian-product prefactor max_pq |c_p c_q| exp(−α_p α_q R²/(α_p + α_q))
        // times the largest |D_μν| of the pair (not the overlap, which vanishes by symmetry for pairs
        // such as p and s on one atom whose potential integrals do not).
        std::vector<std::pair<size_t, size_t>> pairs;
        for (size_t s1 = 0; s1 < n; ++s1)
            for (size_t s2 = 0; s2 <= s1; ++s2) {
                const auto &a = b.shells[s1], &c = b.shells[s2];
                const double dx = a.O[0] - c.O[0], dy = a.O[1] - c.O[1], dz = a.O[2] - c.O[2], r2 = dx * dx + dy * dy + dz * dz;
                double prefactor = 0;
                for (size_t p = 0; p < a.nprim(); ++p)
                    for (size_t q = 0; q < c.nprim(); ++q) {
                        const double ap = a.alpha[p], aq = c.alpha[q];
                        prefactor = std::max(prefactor, std::abs(a.contr[0].coeff[p] * c.contr[0].coeff[q]) * std::exp(-ap * aq / (ap + aq) * r2));
                    }
                double dmax = 0;
                const size_t o1 = b.offsets[s1], o2 = b.offsets[s2], n1 = a.size(), n2 = c.size();
                for (size_t f1 = 0; f1 < n1; ++f1)
                    for (size_t f2 = 0; f2 < n2; ++f2) dmax = std::max(dmax, std::abs(density[(o1 + f1) * nbf + o2 + f2]));
                if (prefactor * dmax >= threshold) pairs.push_back({s1, s2});
            }
        const int workers = std::max(1, std::min(threads, point_count));
        auto work = [&](int w) {
                libint2::Engine engine(libint2::Operator::nuclear, b.max_nprim, b.max_l, 0);
                const auto &buf = engine.results();
                for (int p = w; p < point_count; p += workers) {
                    engine.set_params(std::vector<std::pair<double, std::array<double, 3>>>{
                        {1.0, {points[3 * p], points[3 * p + 1], points[3 * p + 2]}}});
                    double v = 0;
                    for (const auto &[s1, s2] : pairs) {
                        engine.compute(b.shells[s1], b.shells[s2]);
                        if (!buf[0]) continue;
                        const size_t o1 = b.offsets[s1], o2 = b.offsets[s2], n1 = b.shells[s1].size(), n2 = b.shells[s2].size();
                        const double factor = s1 == s2 ? 1.0 : 2.0;
                        double sum = 0;
                        for (size_t f1 = 0; f1 < n1; ++f1)
                            for (size_t f2 = 0; f2 < n2; ++f2) sum += buf[0][f1 * n2 + f2] * density[(o1 + f1) * nbf + o2 + f2];
                        v += factor * sum;
                    }
                    // libint2's nuclear operator is −q/|r − P|, so the sum is already −Σ D ⟨1/|r − P|⟩.
                    out[p] = v;
                }
        };
        if (!run_workers(workers, work, error, error_length)) return 1;
        return 0;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return 1;
    }
}

int ib_basis_shell_coefficients(const ib_basis *basis, int shell, double *out) {
    if (shell < 0 || static_cast<size_t>(shell) >= basis->shells.size()) return 1;
    const auto &c = basis->shells[static_cast<size_t>(shell)].contr[0].coeff;
    std::copy(c.begin(), c.end(), out);
    return 0;
}

void ib_solid_harmonics(int l, double *out) {
    const auto &coefficients = libint2::solidharmonics::SolidHarmonicsCoefficients<double>::instance(static_cast<unsigned>(l));
    const size_t ncart = static_cast<size_t>((l + 1) * (l + 2) / 2), npure = static_cast<size_t>(2 * l + 1);
    std::fill(out, out + npure * ncart, 0.0);
    for (size_t r = 0; r < npure; ++r) {
        const double *values = coefficients.row_values(r);
        const unsigned char *columns = coefficients.row_idx(r);
        for (size_t k = 0; k < coefficients.nnz(r); ++k) out[r * ncart + columns[k]] = values[k];
    }
}

int ib_coulomb_exchange(const ib_basis *basis, int density_count, const double *densities, double *j, double *k,
                        double threshold, int threads, char *error, int error_length) {
    try {
        const auto &b = *basis;
        const size_t n = b.shells.size(), nbf = static_cast<size_t>(b.nbf), nd = static_cast<size_t>(density_count);
        const auto q = schwarz(b);
        // Largest |D| over each shell pair, so a quartet is screened by the density it meets.
        const auto dshell = shell_pair_max(b, densities, density_count);
        const int workers = std::max(1, threads);
        std::vector<std::vector<double>> jw(workers, std::vector<double>(nd * nbf * nbf, 0.0));
        std::vector<std::vector<double>> kw(k ? workers : 0, std::vector<double>(nd * nbf * nbf, 0.0));
        // Adds one quartet block (integrals v, shells s1 ≥ s2, s3 ≥ s4, (s1 s2) ≥ (s3 s4)) to worker w's
        // J and K: hartree-fock++'s updates, each unique integral once with its degeneracy.
        auto accumulate = [&](int w, size_t s1, size_t s2, size_t s3, size_t s4, const double *v) {
            const double deg = (s1 == s2 ? 1.0 : 2.0) * (s3 == s4 ? 1.0 : 2.0) * ((s1 == s3) ? (s2 == s4 ? 1.0 : 2.0) : 2.0);
            const size_t o1 = b.offsets[s1], o2 = b.offsets[s2], o3 = b.offsets[s3], o4 = b.offsets[s4];
            const size_t n1 = b.shells[s1].size(), n2 = b.shells[s2].size(), n3 = b.shells[s3].size(), n4 = b.shells[s4].size();
            for (size_t d = 0; d < nd; ++d) {
                const double *D = densities + d * nbf * nbf;
                double *J = jw[w].data() + d * nbf * nbf;
                double *K = k ? kw[w].data() + d * nbf * nbf : nullptr;
                for (size_t f1 = 0, f1234 = 0; f1 < n1; ++f1) {
                    const size_t a = o1 + f1;
                    for (size_t f2 = 0; f2 < n2; ++f2) {
                        const size_t bb = o2 + f2;
                        for (size_t f3 = 0; f3 < n3; ++f3) {
                            const size_t c = o3 + f3;
                            for (size_t f4 = 0; f4 < n4; ++f4, ++f1234) {
                                const size_t e = o4 + f4;
                                const double x = v[f1234] * deg;
                                J[a * nbf + bb] += D[c * nbf + e] * x;
                                J[c * nbf + e] += D[a * nbf + bb] * x;
                                if (K) {
                                    K[a * nbf + c] += 0.25 * D[bb * nbf + e] * x;
                                    K[bb * nbf + e] += 0.25 * D[a * nbf + c] * x;
                                    K[a * nbf + e] += 0.25 * D[bb * nbf + c] * x;
                                    K[bb * nbf + c] += 0.25 * D[a * nbf + e] * x;
                                }
                            }
                        }
                    }
                }
            }
        };
        auto density_bound = [&](size_t s1, size_t s2, size_t s3, size_t s4) {
            return std::max({dshell[s1 * n + s2], dshell[s3 * n + s4], dshell[s1 * n + s3], dshell[s1 * n + s4], dshell[s2 * n + s3],
                             dshell[s2 * n + s4]});
        };
        // The cache: built once (Schwarz screening only, so it serves every later density), when the
        // quartets that survive fit the limit and this call's threshold is no tighter than the cache's.
        std::unique_lock<std::mutex> lock(b.cache_mutex);
        if (!b.cache_tried && b.cache_limit > 0) {
            b.cache_tried = true;
            size_t bytes = 0, quartets = 0;
            for (size_t s1 = 0; s1 < n; ++s1)
                for (size_t s2 = 0; s2 <= s1; ++s2)
                    for (size_t s3 = 0; s3 <= s1; ++s3)
                        for (size_t s4 = 0; s4 <= ((s1 == s3) ? s2 : s3); ++s4)
                            if (q[s1 * n + s2] * q[s3 * n + s4] >= threshold) {
                                bytes += 8 * b.shells[s1].size() * b.shells[s2].size() * b.shells[s3].size() * b.shells[s4].size();
                                ++quartets;
                            }
            bytes += sizeof(ib_quartet) * quartets;
            if (static_cast<double>(bytes) <= b.cache_limit && n < 65536) {
                b.cache_threshold = threshold;
                b.cache_workers = workers;
                b.cache_quartets.assign(workers, {});
                b.cache_values.assign(workers, {});
                // Reserve each worker's share (plus slack for an uneven split) so filling never
                // reallocates and copies gigabytes.
                for (int w = 0; w < workers; ++w) {
                    b.cache_values[w].reserve(bytes / 8 / workers + bytes / 8 / workers / 8);
                    b.cache_quartets[w].reserve(quartets / workers + quartets / workers / 8);
                }
            }
        }
        const bool use_cache = b.cache_workers == workers && !b.cache_quartets.empty() && threshold >= b.cache_threshold;
        const bool fill_cache = use_cache && b.cache_values[0].empty() && std::all_of(b.cache_values.begin(), b.cache_values.end(),
                                                                                       [](const auto &v) { return v.empty(); });
        if (!use_cache) lock.unlock();
        auto work = [&](int w) {
                if (use_cache && !fill_cache) {
                    const double *values = b.cache_values[w].data();
                    for (const auto &quartet : b.cache_quartets[w]) {
                        const size_t s1 = quartet.s1, s2 = quartet.s2, s3 = quartet.s3, s4 = quartet.s4;
                        const double *block = values;
                        values += b.shells[s1].size() * b.shells[s2].size() * b.shells[s3].size() * b.shells[s4].size();
                        if (q[s1 * n + s2] * q[s3 * n + s4] * density_bound(s1, s2, s3, s4) < threshold) continue;
                        accumulate(w, s1, s2, s3, s4, block);
                    }
                    return;
                }
                libint2::Engine engine(libint2::Operator::coulomb, b.max_nprim, b.max_l, 0,
                                       std::numeric_limits<double>::epsilon() * 1e-2);
                const auto &buf = engine.results();
                size_t counter = 0;
                for (size_t s1 = 0; s1 < n; ++s1)
                    for (size_t s2 = 0; s2 <= s1; ++s2) {
                        const double q12 = q[s1 * n + s2];
                        for (size_t s3 = 0; s3 <= s1; ++s3) {
                            const size_t s4max = (s1 == s3) ? s2 : s3;
                            for (size_t s4 = 0; s4 <= s4max; ++s4) {
                                if ((counter++) % static_cast<size_t>(workers) != static_cast<size_t>(w)) continue;
                                const double q1234 = q12 * q[s3 * n + s4];
                                if (fill_cache ? q1234 < b.cache_threshold : q1234 * density_bound(s1, s2, s3, s4) < threshold) continue;
                                engine.compute(b.shells[s1], b.shells[s2], b.shells[s3], b.shells[s4]);
                                const double *v = buf[0];
                                if (!v) continue;
                                if (fill_cache) {
                                    const size_t size = b.shells[s1].size() * b.shells[s2].size() * b.shells[s3].size() * b.shells[s4].size();
                                    b.cache_quartets[w].push_back({static_cast<uint16_t>(s1), static_cast<uint16_t>(s2),
                                                                   static_cast<uint16_t>(s3), static_cast<uint16_t>(s4)});
                                    b.cache_values[w].insert(b.cache_values[w].end(), v, v + size);
                                    if (q1234 * density_bound(s1, s2, s3, s4) < threshold) continue;
                                }
                                accumulate(w, s1, s2, s3, s4, v);
                            }
                        }
                    }
        };
        if (!run_workers(workers, work, error, error_length)) return 1;
        // Sum the workers and symmetrise. The updates above are hartree-fock++'s for G = 2J[D] − K[D]
        // after G = ½(g + gᵀ); with the Coulomb and exchange parts kept apart that is
        // J[D] = ¼(g_J + g_Jᵀ) and K[D] = ½(g_K + g_Kᵀ).
        for (size_t d = 0; d < nd; ++d) {
            for (size_t x = 0; x < nbf; ++x)
                for (size_t y = 0; y < nbf; ++y) {
                    double sj = 0, sk = 0;
                    for (int w = 0; w < workers; ++w) {
                        sj += jw[w][d * nbf * nbf + x * nbf + y] + jw[w][d * nbf * nbf + y * nbf + x];
                        if (k) sk += kw[w][d * nbf * nbf + x * nbf + y] + kw[w][d * nbf * nbf + y * nbf + x];
                    }
                    j[d * nbf * nbf + x * nbf + y] = 0.25 * sj;
                    if (k) k[d * nbf * nbf + x * nbf + y] = 0.5 * sk;
                }
        }
        return 0;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return 1;
    }
}

int ib_two_body_all(const ib_basis *basis, double *out, char *error, int error_length) {
    try {
        const auto &b = *basis;
        const size_t n = b.shells.size(), nbf = static_cast<size_t>(b.nbf);
        libint2::Engine engine(libint2::Operator::coulomb, b.max_nprim, b.max_l, 0, 0.0);
        const auto &buf = engine.results();
        std::fill(out, out + nbf * nbf * nbf * nbf, 0.0);
        for (size_t s1 = 0; s1 < n; ++s1)
            for (size_t s2 = 0; s2 < n; ++s2)
                for (size_t s3 = 0; s3 < n; ++s3)
                    for (size_t s4 = 0; s4 < n; ++s4) {
                        engine.compute(b.shells[s1], b.shells[s2], b.shells[s3], b.shells[s4]);
                        if (!buf[0]) continue;
                        const size_t n2 = b.shells[s2].size(), n3 = b.shells[s3].size(), n4 = b.shells[s4].size();
                        for (size_t f1 = 0, f = 0; f1 < b.shells[s1].size(); ++f1)
                            for (size_t f2 = 0; f2 < n2; ++f2)
                                for (size_t f3 = 0; f3 < n3; ++f3)
                                    for (size_t f4 = 0; f4 < n4; ++f4, ++f) {
                                        const size_t i = b.offsets[s1] + f1, jj = b.offsets[s2] + f2, kk = b.offsets[s3] + f3,
                                                     l = b.offsets[s4] + f4;
                                        out[((i * nbf + jj) * nbf + kk) * nbf + l] = buf[0][f];
                                    }
                    }
        return 0;
    } catch (const std::exception &e) {
        fail(error, error_length, e.what());
        return 1;
    }
}

}  // extern "C"
