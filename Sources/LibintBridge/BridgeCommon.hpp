// Internal to the libint2 bridge (not part of its C API): the basis type behind the opaque
// `ib_basis` and the helpers the bridge's source files share.
#ifndef INTERPHASE_LIBINT_BRIDGE_COMMON_HPP
#define INTERPHASE_LIBINT_BRIDGE_COMMON_HPP

#include "LibintBridge.h"

#include <libint2.hpp>

#include <cstdint>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

/// One stored shell quartet of the integral cache: its shells (8 bytes; a basis has < 65536 shells).
/// Its block follows the previous quartet's in the worker's values, so no offset is stored.
struct ib_quartet {
    uint16_t s1, s2, s3, s4;
};

struct ib_basis {
    std::vector<libint2::Shell> shells;
    std::vector<int> offsets;
    int nbf = 0;
    size_t max_nprim = 0;
    int max_l = 0;
    // Semi-direct cache: the Schwarz-surviving quartets and their integrals, per worker, kept after the
    // first Coulomb/exchange build when they fit `cache_limit` bytes (0: always direct).
    double cache_limit = 0;
    mutable std::mutex cache_mutex;
    mutable bool cache_tried = false;
    mutable double cache_threshold = 0;
    mutable int cache_workers = 0;
    mutable std::vector<std::vector<ib_quartet>> cache_quartets;
    mutable std::vector<std::vector<double>> cache_values;
};

namespace ib_detail {

inline void fail(char *error, int length, const std::string &message) {
    if (error && length > 0) {
        std::strncpy(error, message.c_str(), static_cast<size_t>(length - 1));
        error[length - 1] = '\0';
    }
}

// Runs work(0 … workers − 1) on `workers` threads (the caller's is worker 0); each worker catches its
// own exceptions. Returns false, with the first worker's message in `error`, when any failed.
template <typename Work>
bool run_workers(int workers, Work work, char *error, int error_length) {
    std::vector<std::string> failures(static_cast<size_t>(workers));
    auto guarded = [&](int w) {
        try {
            work(w);
        } catch (const std::exception &e) {
            failures[static_cast<size_t>(w)] = e.what();
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w) pool.emplace_back(guarded, w);
    guarded(0);
    for (auto &t : pool) t.join();
    for (const auto &f : failures)
        if (!f.empty()) {
            fail(error, error_length, f);
            return false;
        }
    return true;
}

// Schwarz factors √(μν|μν) per shell pair (max over the functions of the pair), n_shell² values.
std::vector<double> schwarz(const ib_basis &b);

// The largest |M_μν| over the functions of each shell pair, over `count` row-major nbf × nbf matrices.
std::vector<double> shell_pair_max(const ib_basis &b, const double *matrices, int count);

}  // namespace ib_detail

#endif
