import Foundation
import InterphaseCore
import InterphaseNumerics

/// The peak sum as a function of the free parameters: which component parameters are free, fixed or
/// tied, and the model with its Jacobian for the solver. Energies ascend (binding energy).
///
/// With an active Shirley background two more free parameters follow the peaks' — b₀ (counts) and k
/// (1/eV) — and the model is Σ peaks + b₀ + k·∫_{E_low}^{E} Σ peaks dE′; the integral is linear, so its
/// Jacobian columns are the running integrals of the peaks' columns.
public struct PeakModel: Sendable {
    /// Where each component parameter's value comes from.
    enum Slot: Sendable {
        case free(Int)
        case fixed(Double)
        case tied(source: Int, scale: Double, offset: Double)
    }

    public let components: [PeakComponent]
    let slots: [Slot]
    /// offsets[c] = index of component c's first parameter in the flat parameter list.
    let offsets: [Int]
    /// For each free index, (flat slot, factor) pairs that move with it.
    let contributions: [[(slot: Int, factor: Double)]]
    public let freeNames: [String]
    public let lower: [Double]
    public let upper: [Double]
    public let initial: [Double]
    public let activeShirley: Bool
    let maxParameters: Int

    /// - Throws: `.invalidParameter` naming the tie for an unknown component or parameter, a tie of a
    ///   tied or fixed parameter, or two ties of one target.
    public init(components: [PeakComponent], ties: [ParameterTie], activeShirley: Bool, backgroundStart: (b0: Double, k: Double) = (0, 0)) throws {
        var offsets: [Int] = [], flat = 0
        for c in components { offsets.append(flat); flat += c.values.count }
        func slotIndex(_ r: ParameterTie.Reference) throws -> Int {
            guard let c = components.firstIndex(where: { EnergyCalibration.sameName($0.name, r.component) }) else {
                throw InterphaseError(.invalidParameter, "tie names no component '\(r.component)'", parameter: r.description,
                                      expected: components.map(\.name).joined(separator: ", "))
            }
            guard let j = components[c].index(of: r.parameter) else {
                throw InterphaseError(.invalidParameter, "\(components[c].shape.name) has no parameter '\(r.parameter)'", parameter: r.description,
                                      expected: components[c].shape.parameters.map(\.name).joined(separator: ", "))
            }
            return offsets[c] + j
        }
        var tiedTo: [Int: ParameterTie] = [:]
        for tie in ties {
            let t = try slotIndex(tie.target)
            guard tiedTo[t] == nil else { throw InterphaseError(.invalidParameter, "two ties of one parameter", parameter: tie.target.description) }
            tiedTo[t] = tie
        }
        var slots: [Slot] = [], names: [String] = [], lower: [Double] = [], upper: [Double] = [], initial: [Double] = []
        var freeOfSlot: [Int: Int] = [:]
        for (c, component) in components.enumerated() {
            for (j, p) in component.shape.parameters.enumerated() {
                let s = offsets[c] + j
                if tiedTo[s] != nil { slots.append(.fixed(0)); continue }  // resolved below
                if component.fixed.contains(p.name) {
                    slots.append(.fixed(component.values[j]))
                } else {
                    freeOfSlot[s] = names.count
                    slots.append(.free(names.count))
                    names.append("\(component.name).\(p.name)")
                    lower.append(component.lower[j])
                    upper.append(component.upper[j])
                    initial.append(component.values[j])
                }
            }
        }
        for (t, tie) in tiedTo {
            let s = try slotIndex(tie.source)
            guard tiedTo[s] == nil else {
                throw InterphaseError(.invalidParameter, "\(tie.source) is itself tied; tie to its source instead", parameter: tie.target.description)
            }
            if case let .fixed(v) = slots[s], freeOfSlot[s] == nil {
                slots[t] = .fixed(tie.scale * v + tie.offset)
            } else {
                slots[t] = .tied(source: s, scale: tie.scale, offset: tie.offset)
            }
        }
        var contributions = [[(slot: Int, factor: Double)]](repeating: [], count: names.count + (activeShirley ? 2 : 0))
        for (s, slot) in slots.enumerated() {
            switch slot {
            case let .free(f): contributions[f].append((s, 1))
            case let .tied(source, scale, _): if let f = freeOfSlot[source] { contributions[f].append((s, scale)) }
            case .fixed: break
            }
        }
        if activeShirley {
            names += ["background.b0", "background.k"]
            lower += [-Double.infinity, 0]
            upper += [Double.infinity, Double.infinity]
            initial += [backgroundStart.b0, Swift.max(backgroundStart.k, 0)]
        }
        self.components = components
        self.slots = slots
        self.offsets = offsets
        self.contributions = contributions
        self.freeNames = names
        self.lower = lower
        self.upper = upper
        self.initial = initial
        self.activeShirley = activeShirley
        self.maxParameters = components.map(\.values.count).max() ?? 0
    }

    /// Number of fitted peak parameters (without b₀, k).
    var peakFreeCount: Int { freeNames.count - (activeShirley ? 2 : 0) }

    /// Every component parameter's value for a free vector.
    public func parameters(_ free: [Double]) -> [Double] {
        var flat = [Double](repeating: 0, count: slots.count)
        for (s, slot) in slots.enumerated() {
            switch slot {
            case let .free(f): flat[s] = free[f]
            case let .fixed(v): flat[s] = v
            case .tied: break
            }
        }
        for (s, slot) in slots.enumerated() {
            if case let .tied(source, scale, offset) = slot { flat[s] = scale * flat[source] + offset }
        }
        return flat
    }

    /// Parameters of component `c` out of the flat list.
    public func componentParameters(_ flat: [Double], _ c: Int) -> [Double] {
        Array(flat[offsets[c]..<(offsets[c] + components[c].values.count)])
    }

    /// Each component's curve at x (without background).
    public func componentCurves(_ free: [Double], x: [Double]) -> [[Double]] {
        let flat = parameters(free)
        return components.indices.map { c in
            let p = componentParameters(flat, c)
            return x.map { components[c].shape.value($0, p) }
        }
    }

    /// The model (peaks, plus the active background when there is one) at x, and when `jacobian` is
    /// set its m × n Jacobian column-major with rows scaled by `weights`.
    public func evaluate(_ free: [Double], x: [Double], weights: [Double]?, jacobian: Bool) -> (model: [Double], jacobian: [Double]?) {
        let m = x.count, n = freeNames.count
        let flat = parameters(free)
        var model = [Double](repeating: 0, count: m)
        var jac = jacobian ? [Double](repeating: 0, count: m * n) : []
        var gradient = [Double](repeating: 0, count: maxParameters)
        flat.withUnsafeBufferPointer { pf in
            gradient.withUnsafeMutableBufferPointer { g in
                jac.withUnsafeMutableBufferPointer { j in
                    for (c, component) in components.enumerated() {
                        let p = pf.baseAddress! + offsets[c]
                        let evaluate = component.shape.evaluate
                        let base = offsets[c], count = component.values.count
                        // Which free columns this component feeds, with their factors.
                        var feeds: [(column: Int, local: Int, factor: Double)] = []
                        if jacobian {
                            for f in 0..<peakFreeCount {
                                for (slot, factor) in contributions[f] where slot >= base && slot < base + count {
                                    feeds.append((f, slot - base, factor))
                                }
                            }
                        }
                        for i in 0..<m {
                            if jacobian {
                                model[i] += evaluate(x[i], p, g.baseAddress!)
                                for feed in feeds { j[feed.column * m + i] += feed.factor * g[feed.local] }
                            } else {
                                model[i] += evaluate(x[i], p, nil)
                            }
                        }
                    }
                    if activeShirley {
                        let b0 = free[n - 2], k = free[n - 1]
                        let integral = CumulativeIntegral.trapezoid(model, x)
                        if jacobian {
                            var column = [Double](repeating: 0, count: m)
                            x.withUnsafeBufferPointer { px in
                                for f in 0..<peakFreeCount {
                                    CumulativeIntegral.trapezoid(UnsafePointer(j.baseAddress! + f * m), px.baseAddress!, m, into: &column)
                                    for i in 0..<m { j[f * m + i] += k * column[i] }
                                }
                            }
                            for i in 0..<m {
                                j[(n - 2) * m + i] = 1
                                j[(n - 1) * m + i] = integral[i]
                            }
                        }
                        for i in 0..<m { model[i] += b0 + k * integral[i] }
                    }
                    if let weights, jacobian {
                        for f in 0..<n { for i in 0..<m { j[f * m + i] *= weights[i] } }
                    }
                }
            }
        }
        return (model, jacobian ? jac : nil)
    }
}
