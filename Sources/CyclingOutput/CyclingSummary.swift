import InterphaseData
import Electroanalysis
import Foundation
import InterphaseCore

/// `summary.json` and `cycles.csv` of a cycling analysis. Keys carry units (`_mV`, `_mAh_g`, `_pct`, `_h`);
/// quantities are converted from SI here and only here.
extension CyclingAnalysis {
    public var summaryJSON: JSONValue {
        let m = recording.metadata
        var top: [(String, JSONValue)] = [
            ("cell_type", .string(cellType.rawValue)),
            ("cell_type_rule", .string(decision.rule)),
            ("source", .object([("file", .string(m.sourceFile)), ("format", .string(m.provenance.kindName)),
                                ("rows", .integer(recording.count))])),
            ("electrode_area_cm2", .number(area.map { $0 * 1e4 })),
            ("active_mass_mg", .number(mass.map { $0 * 1e6 })),
        ]
        let table = cycleTable
        let rows: [JSONValue] = table.rows.map { row in
            .object(zip(table.header, row).map { key, value in
                if key == "index" || key == "file_cycle" { return (key, .integer(Int(value) ?? 0)) }
                if value.isEmpty { return (key, .null) }
                if let number = Double(value) { return (key, .number(number)) }
                return (key, .string(value))
            })
        }
        top.append(("cycles", .array(rows)))
        top.append(("summary", summaryObject))
        top.append(("warnings", .array(warnings.map { .string($0) })))
        return .object(top)
    }

    public var summaryObject: JSONValue {
        switch detail {
        case let .symmetric(a):
            return .object([
                ("cycle_count", .integer(a.cycles.count)),
                ("half_cycle_count", .integer(a.halves.count)),
                ("stable_overpotential_mV", .number(a.stableOverpotential.map { $0 * 1e3 })),
                ("stable_hysteresis_mV", .number(a.stableHysteresis.map { $0 * 1e3 })),
                ("failure_mode", .string(a.failureMode.rawValue)),
                ("failure_time_h", .number(a.failureTime.map { $0 / 3600 })),
                ("cycle_life", .integer(a.cycleLife)),
                ("hysteresis_rise_time_h", .number(a.hysteresisRiseTime.map { $0 / 3600 })),
                ("plateau_rule", .string(String(format: "time-weighted mean of |V| excluding the first and last %.0f%% of each half cycle", options.plateauExclusion * 100))),
                ("failure_rules", .string(String(
                    format: "stable = median plateau of half cycles %d–%d at the same current; divergence: plateau > %.1f× stable or |V| > %.2f V; soft short: plateau < %.2f× stable; noise: detrended relative s.d. > %.2f; each for %d consecutive half cycles",
                    options.stableSkip + 1, options.stableSkip + options.stableCount, options.divergenceFactor, options.divergenceVoltage,
                    options.shortFactor, options.noiseThreshold, options.failurePersistence))),
                ("rate_table", .array(a.rateSteps.map { step in
                    .object([("current_density_mA_cm2", .number(step.currentDensity.map { $0 * 0.1 })),
                             ("current_mA", .number(step.current * 1e3)),
                             ("overpotential_mV", .number(step.meanOverpotential * 1e3)),
                             ("half_cycles", .integer(step.halfCycles))])
                })),
            ])
        case let .lithiumCopper(a):
            var pairs: [(String, JSONValue)] = [
                ("cycle_count", .integer(a.cycles.count)),
                ("average_ce_pct", .number(a.averageCE)),
                ("average_ce_cycles", .integer(a.averagedCycles)),
            ]
            if let r = a.reservoir {
                pairs.append(("reservoir", .object([
                    ("Q1_mAh", .number(r.q1 * 1e3)), ("Qc_mAh", .number(r.qc * 1e3)), ("Qr_mAh", .number(r.qr * 1e3)),
                    ("N", .integer(r.n)), ("reservoir_cycle", .integer(r.reservoirCycle)), ("final_cycle", .integer(r.finalCycle)),
                    ("ce_eq1_pct", .number(r.equation1)), ("ce_standard_pct", .number(r.standard)),
                    ("eq1", .string("CE = [Qc − (Q1 − Qr)/N] / Qc (the study's eq. 1)")),
                    ("standard", .string("CE = (N·Qc + Qr) / (N·Qc + Q1) (Adams et al. 2018)")),
                ])))
            } else {
                pairs.append(("reservoir", .null))
            }
            return .object(pairs)
        case let .full(a, curves):
            let massGrams = mass.map { $0 * 1e3 }
            return .object([
                ("cycle_count", .integer(a.cycles.count)),
                ("reference_cycle", a.referenceCycle.map { .integer($0) } ?? .null),
                ("capacity_retention_pct", .number(a.finalRetention)),
                ("cycles_to_80pct", a.cyclesToEightyPercent.map { .integer($0) } ?? .null),
                ("one_c_mA", .number(a.oneCCurrent.map { $0 * 1e3 })),
                ("one_c_source", .string(a.oneCSource)),
                ("rate_table", .array(a.rateGroups.map { g in
                    .object([("c_rate", .number(g.cRate)), ("cycles", .array(g.cycles.map { .integer($0) })),
                             ("mean_discharge_capacity_mAh", .number(g.meanDischargeCapacity * 1e3)),
                             ("mean_discharge_capacity_mAh_g", .number(massGrams.map { g.meanDischargeCapacity * 1e3 / $0 }))])
                })),
                ("dqdv", .object([
                    ("curves", .array(curves.map { c in
                        .object([("cycle", .integer(c.cycle)), ("direction", .string(c.direction > 0 ? "charge" : "discharge")),
                                 ("points", .integer(c.voltage.count))])
                    })),
                    ("method", .string(String(format: "monotonic V, Q interpolated on a %.3g mV grid, Savitzky–Golay derivative (window %d points, order %d); discharge as −dQ/dV",
                                              options.dqdvStep * 1e3, options.dqdvWindow, options.dqdvOrder))),
                ])),
            ])
        }
    }

    /// One row per cycle, headers with units.
    public var cycleTable: TextTable {
        func f(_ x: Double?, _ d: Int) -> String { formatNumber(x, decimals: d) }
        let areaCm2 = area.map { $0 * 1e4 }
        switch detail {
        case let .symmetric(a):
            var table = TextTable(header: ["index", "start_time_h", "plating_overpotential_mV", "stripping_overpotential_mV", "peak_mV",
                                           "hysteresis_mV", "current_density_mA_cm2", "areal_capacity_mAh_cm2"])
            for c in a.cycles {
                let peak = [c.plating?.peak, c.stripping?.peak].compactMap { $0 }.max()
                table.append([String(c.index), f(c.startTime / 3600, 4), f(c.plating.map { $0.plateau * 1e3 }, 2),
                              f(c.stripping.map { $0.plateau * 1e3 }, 2), f(peak.map { $0 * 1e3 }, 2),
                              f(c.hysteresis.map { $0 * 1e3 }, 2), f(c.currentDensity.map { $0 * 0.1 }, 4),
                              f(c.arealCapacity.map { $0 * 1e3 / 1e4 }, 4)])
            }
            return table
        case let .lithiumCopper(a):
            var table = TextTable(header: ["index", "start_time_h", "plating_capacity_mAh", "stripping_capacity_mAh",
                                           "coulombic_efficiency_pct", "plating_capacity_mAh_cm2", "current_mA"])
            for c in a.cycles {
                table.append([String(c.index), f(c.startTime / 3600, 4), f(c.platingCapacity * 1e3, 5), f(c.strippingCapacity.map { $0 * 1e3 }, 5),
                              f(c.coulombicEfficiency, 3), f(areaCm2.map { c.platingCapacity * 1e3 / $0 }, 5), f(c.current * 1e3, 5)])
            }
            return table
        case let .full(a, _):
            let grams = mass.map { $0 * 1e3 }
            var table = TextTable(header: [
                "index", "file_cycle", "start_time_h", "charge_capacity_mAh", "discharge_capacity_mAh", "charge_capacity_mAh_g",
                "discharge_capacity_mAh_g", "charge_capacity_mAh_cm2", "discharge_capacity_mAh_cm2", "coulombic_efficiency_pct",
                "energy_efficiency_pct", "mean_charge_voltage_V", "mean_discharge_voltage_V", "polarization_mV",
                "charge_c_rate", "discharge_c_rate", "capacity_retention_pct",
            ])
            for c in a.cycles {
                table.append([
                    String(c.index), String(c.fileCycle), f(c.startTime / 3600, 4), f(c.chargeCapacity * 1e3, 4), f(c.dischargeCapacity * 1e3, 4),
                    f(grams.map { c.chargeCapacity * 1e3 / $0 }, 3), f(grams.map { c.dischargeCapacity * 1e3 / $0 }, 3),
                    f(areaCm2.map { c.chargeCapacity * 1e3 / $0 }, 4), f(areaCm2.map { c.dischargeCapacity * 1e3 / $0 }, 4),
                    f(c.coulombicEfficiency, 3), f(c.energyEfficiency, 3), f(c.meanChargeVoltage, 4), f(c.meanDischargeVoltage, 4),
                    f(c.polarization.map { $0 * 1e3 }, 2), f(c.chargeCRate, 3), f(c.dischargeCRate, 3), f(c.retention, 3),
                ])
            }
            return table
        }
    }

    /// dQ/dV curves as a long-format table (cycle, direction, voltage, dQ/dV).
    public var dqdvTable: TextTable? {
        guard case let .full(_, curves) = detail, !curves.isEmpty else { return nil }
        var table = TextTable(header: ["cycle", "direction", "voltage_V", "dqdv_Ah_per_V"])
        for c in curves {
            for k in c.voltage.indices where c.dqdv[k].isFinite {
                table.append([String(c.cycle), c.direction > 0 ? "charge" : "discharge", formatNumber(c.voltage[k], decimals: 4),
                              String(format: "%.6g", c.dqdv[k])])
            }
        }
        return table
    }
}
