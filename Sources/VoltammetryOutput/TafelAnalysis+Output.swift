import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData

/// `interphase tafel`'s summary and tables. Keys carry units (`_mA_cm2`, `_mV_dec`, `_mV`, `_V`); values
/// are converted from SI here and only here. Densities are null without an electrode area.
extension TafelAnalysis {
    /// `summary.json`.
    public func summaryJSON(source: Provenance, rows: Int) -> JSONValue {
        let mV = Units.kilo
        func branch(_ b: Branch?) -> JSONValue {
            guard let b else { return .null }
            return .object([
                ("window_mV", .array([.number(b.window.lowerBound * mV), .number(b.window.upperBound * mV)])),
                ("points", .integer(b.fit.count)), ("r_squared", .number(b.fit.rSquared)),
                ("tafel_slope_mV_dec", .number(b.tafelSlope * mV)),
                ("alpha", .number(b.alpha)), ("alpha_apparent", .number(b.alphaApparent)),
                ("exchange_current_mA", .number(VoltammetryFiles.milli(b.exchangeCurrent))),
                ("exchange_current_density_mA_cm2", .number(VoltammetryFiles.density(b.exchangeCurrent, area))),
                ("candidate_points", .integer(b.candidatePoints)), ("windows_tried", .integer(b.windowsTried)),
            ])
        }
        var micro: JSONValue = .null
        if let m = microPolarisation {
            micro = .object([
                ("range_mV", .number(m.range * mV)), ("points", .integer(m.fit.count)),
                ("charge_transfer_resistance_ohm", .number(m.resistance)),
                ("charge_transfer_resistance_ohm_cm2", .number(area.map { m.resistance * $0 * Units.squareCentimetresPerSquareMetre })),
                ("exchange_current_mA", .number(VoltammetryFiles.milli(m.exchangeCurrent))),
                ("exchange_current_density_mA_cm2", .number(VoltammetryFiles.density(m.exchangeCurrent, area))),
            ])
        }
        var bv: JSONValue = .null
        if let fit = butlerVolmer {
            bv = .object([
                ("exchange_current_mA", .number(VoltammetryFiles.milli(fit.exchangeCurrent))),
                ("exchange_current_mA_se", .number(VoltammetryFiles.milli(fit.exchangeCurrentStandardError))),
                ("exchange_current_density_mA_cm2", .number(VoltammetryFiles.density(fit.exchangeCurrent, area))),
                ("exchange_current_density_mA_cm2_se", .number(VoltammetryFiles.density(fit.exchangeCurrentStandardError, area))),
                ("alpha_anodic", .number(fit.alphaAnodic)), ("alpha_anodic_se", .number(fit.alphaAnodicStandardError)),
                ("alpha_cathodic", .number(fit.alphaCathodic)), ("alpha_cathodic_se", .number(fit.alphaCathodicStandardError)),
                ("limiting_current_density_anodic_mA_cm2", .number(VoltammetryFiles.density(fit.limitingAnodic, area))),
                ("limiting_current_density_anodic_mA_cm2_se", .number(VoltammetryFiles.density(fit.limitingAnodicStandardError, area))),
                ("limiting_current_density_cathodic_mA_cm2", .number(VoltammetryFiles.density(fit.limitingCathodic, area))),
                ("limiting_current_density_cathodic_mA_cm2_se", .number(VoltammetryFiles.density(fit.limitingCathodicStandardError, area))),
                ("limiting_current_anodic_mA", .number(VoltammetryFiles.milli(fit.limitingAnodic))),
                ("limiting_current_cathodic_mA", .number(VoltammetryFiles.milli(fit.limitingCathodic))),
                ("mass_transport", .bool(fit.limitingAnodic != nil)),
                ("points", .integer(fit.points)), ("reduced_chi_square", .number(fit.reducedChiSquare)),
                ("residuals", .string("asinh(i/s), s = the initial i0")), ("stop", .string(String(describing: fit.result.stop))),
                ("evaluations", .integer(fit.result.evaluations)),
            ])
        }
        let o = options
        return .object([
            ("analysis", .string("tafel")),
            ("source", VoltammetryFiles.source(source, rows: rows)),
            ("electrode_area_cm2", .number(area.map { $0 * Units.squareCentimetresPerSquareMetre })),
            ("temperature_K", .number(o.temperature)), ("electrons", .integer(o.electrons)),
            ("electrodes", .string(o.electrodes.rawValue)),
            ("equilibrium_potential_V", .number(equilibriumPotential)),
            ("equilibrium_potential_source", .string(equilibriumFromData ? "zero-current crossing" : "given")),
            ("exchange_current_density_mA_cm2", .number(exchangeCurrentDensity.map { $0 * Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre })),
            ("exchange_current_mA", .number(exchangeCurrent * Units.kilo)),
            ("alpha_anodic", .number(anodic?.alpha)), ("alpha_cathodic", .number(cathodic?.alpha)),
            ("tafel_slope_anodic_mV_dec", .number(anodic.map { $0.tafelSlope * mV })),
            ("tafel_slope_cathodic_mV_dec", .number(cathodic.map { $0.tafelSlope * mV })),
            ("fit_window_anodic_mV", anodic.map { .array([.number($0.window.lowerBound * mV), .number($0.window.upperBound * mV)]) } ?? .null),
            ("fit_window_cathodic_mV", cathodic.map { .array([.number($0.window.lowerBound * mV), .number($0.window.upperBound * mV)]) } ?? .null),
            ("anodic", branch(anodic)), ("cathodic", branch(cathodic)),
            ("micro_polarisation", micro), ("butler_volmer", bv),
            ("rules", .object([
                ("window", .string("best R² of least-squares lines of log10|i| vs η over windows with |η| ≥ min_overpotential, ≥ min_points points, ≥ min_decades; of those within r_squared_tolerance of the best, the widest in decades")),
                ("min_overpotential_mV", .number(o.minimumOverpotential * mV)),
                ("max_overpotential_mV", .number(o.maximumOverpotential.map { $0 * mV })),
                ("min_decades", .number(o.minimumDecades)), ("min_points", .integer(o.minimumPoints)),
                ("r_squared_tolerance", .number(o.rSquaredTolerance)),
                ("exchange_current", .string("geometric mean of the branches' intercepts at η = 0")),
                ("alpha", .string(o.electrodes == .symmetric ? "per electrode 2·ln(10)RT|slope|/(nF) (symmetric cell, α_a = α_c assumed)" : "ln(10)RT|slope|/(nF)")),
                ("micro_polarisation", .string(o.electrodes == .symmetric ? "i0 = 2RT/(nF R_cell)" : "i0 = RT/(nF R_ct), α_a + α_c = 1")),
            ])),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }

    /// Every point: η, i, j, log₁₀|j|, whether it is in a chosen window, the Butler–Volmer fit.
    public var pointsTable: ResultTable {
        var table = ResultTable(columns: [
            .init("overpotential_mV", decimals: 3), .init("current_mA", decimals: 6, significantDigits: 5),
            .init("current_density_mA_cm2", decimals: 6, significantDigits: 5), .init("log10_abs_current_density_mA_cm2", decimals: 5),
            .init("tafel_window"), .init("butler_volmer_current_mA", decimals: 6, significantDigits: 5),
        ])
        let model = butlerVolmer?.current(at: overpotential)
        for k in overpotential.indices {
            let eta = overpotential[k], i = current[k]
            let j = VoltammetryFiles.density(i, area)
            let window: String
            if let a = anodic, i > 0, a.window.contains(eta) { window = "anodic" }
            else if let c = cathodic, i < 0, c.window.contains(eta) { window = "cathodic" }
            else { window = "" }
            table.append([.number(eta * Units.kilo), .number(i * Units.kilo), .number(j), .number(j.map { log10(abs($0)) }),
                          .text(window), .number(model.map { $0[k] * Units.kilo })])
        }
        return table
    }

    /// The short human table `interphase tafel` prints.
    public var resultTable: TextTable {
        var t = TextTable(header: ["quantity", "anodic", "cathodic", "unit"])
        func n(_ x: Double?, _ d: Int) -> String { formatNumber(x, decimals: d) }
        let densityUnit = area == nil ? "mA" : "mA cm-2"
        func i0(_ amps: Double?) -> Double? { area == nil ? VoltammetryFiles.milli(amps) : VoltammetryFiles.density(amps, area) }
        t.append(["Tafel window", anodic.map { "\(n($0.window.lowerBound * 1e3, 1))…\(n($0.window.upperBound * 1e3, 1))" } ?? "-",
                  cathodic.map { "\(n($0.window.lowerBound * 1e3, 1))…\(n($0.window.upperBound * 1e3, 1))" } ?? "-", "mV"])
        t.append(["Tafel slope", n(anodic.map { $0.tafelSlope * 1e3 }, 1), n(cathodic.map { $0.tafelSlope * 1e3 }, 1), "mV/dec"])
        t.append(["R²", n(anodic?.fit.rSquared, 5), n(cathodic?.fit.rSquared, 5), ""])
        t.append(["alpha (Tafel)", n(anodic?.alpha, 3), n(cathodic?.alpha, 3), ""])
        t.append(["i0 (Tafel branch)", n(i0(anodic?.exchangeCurrent), 4), n(i0(cathodic?.exchangeCurrent), 4), densityUnit])
        t.append(["i0 (Tafel, mean)", n(i0(exchangeCurrent), 4), "", densityUnit])
        t.append(["i0 (micro-polarisation)", n(i0(microPolarisation?.exchangeCurrent), 4), "", densityUnit])
        if let bv = butlerVolmer {
            t.append(["i0 (Butler-Volmer fit)", "\(n(i0(bv.exchangeCurrent), 4)) ± \(n(i0(bv.exchangeCurrentStandardError), 4))", "", densityUnit])
            t.append(["alpha (Butler-Volmer fit)", "\(n(bv.alphaAnodic, 3)) ± \(n(bv.alphaAnodicStandardError, 3))",
                      "\(n(bv.alphaCathodic, 3)) ± \(n(bv.alphaCathodicStandardError, 3))", ""])
            if bv.limitingAnodic != nil {
                t.append(["limiting current", n(i0(bv.limitingAnodic), 4), n(i0(bv.limitingCathodic), 4), densityUnit])
            }
        }
        t.append(["E_eq", n(equilibriumPotential, 4), "", "V"])
        return t
    }
}
