import InterphaseCore

/// One measured spectrum: intensity y at each abscissa value x (binding or kinetic energy, Raman shift,
/// 2θ), with what the file says about the measurement.
///
/// The initialiser validates what every background and fit relies on, so a `Spectrum` in hand is always
/// usable: at least 3 points, equal lengths, finite values, and x strictly monotonic (increasing or
/// decreasing — instruments write XPS regions either way; points keep the file's order).
/// Extra columns the file stores per point (a transmission function) are kept by name.
public struct Spectrum: Sendable, Equatable {
    /// Abscissa values, in `axis.unit`.
    public let x: [Double]
    /// Intensities, in `intensity.unit`.
    public let y: [Double]
    /// What x measures.
    public let axis: SpectrumAxis
    /// What y is.
    public let intensity: SpectrumIntensity
    /// Further per-point columns by name (VAMAS corresponding variables after the first, SPECS
    /// "transmission"), each as long as x.
    public let columns: [String: [Double]]
    public let metadata: SpectrumMetadata
    /// Where the spectrum comes from (the file path, or a description for synthetic data).
    public let source: String?

    /// A validated spectrum.
    /// - Throws: `InterphaseError.invalidData` naming the source, the region and the first offending point
    ///   (1-based) for fewer than 3 points, unequal lengths, a non-finite value, or x that is not strictly
    ///   monotonic (a repeated or turning-back abscissa).
    public init(x: [Double], y: [Double], axis: SpectrumAxis, intensity: SpectrumIntensity = .counts,
                columns: [String: [Double]] = [:], metadata: SpectrumMetadata = SpectrumMetadata(), source: String? = nil) throws {
        let label = metadata.region.map { "region '\($0)': " } ?? ""
        guard x.count >= 3 else {
            throw InterphaseError(.invalidData, "\(label)\(x.count) points; a spectrum needs at least 3", file: source)
        }
        let all = [("x", x), ("y", y)] + columns.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (name, values) in all {
            guard values.count == x.count else {
                throw InterphaseError(.invalidData, "\(label)\(values.count) values where x has \(x.count)", file: source, column: name)
            }
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw InterphaseError(.invalidData, "\(label)value \(values[bad]) is not finite", file: source, line: bad + 1,
                                      lineLabel: "point", column: name)
            }
        }
        let increasing = x[1] > x[0]
        for i in 1..<x.count where increasing ? !(x[i] > x[i - 1]) : !(x[i] < x[i - 1]) {
            throw InterphaseError(
                .invalidData, "\(label)x is not strictly monotonic: \(x[i - 1]) then \(x[i]) \(axis.unit)", file: source,
                line: i + 1, lineLabel: "point", column: axis.label, expected: "x strictly increasing or strictly decreasing")
        }
        self.x = x
        self.y = y
        self.axis = axis
        self.intensity = intensity
        self.columns = columns
        self.metadata = metadata
        self.source = source
    }

    /// Number of points.
    public var count: Int { x.count }

    /// Lowest and highest x, in `axis.unit`.
    public var range: ClosedRange<Double> { Swift.min(x[0], x[x.count - 1])...Swift.max(x[0], x[x.count - 1]) }

    /// The region name, or "spectrum" when the file has none (for messages).
    public var name: String { metadata.region ?? "spectrum" }

    /// The spectrum on the binding-energy scale: BE = hν − KE (Einstein's photoelectric relation with
    /// KE referenced to the spectrometer's Fermi level, as VAMAS, CasaXPS and SPECS record it, so no work
    /// function enters). A binding-energy spectrum is returned unchanged. Point order is kept (so a
    /// kinetic scan upward becomes a binding scan downward).
    /// - Parameter photonEnergy: hν in eV; nil uses `metadata.sourceEnergy`.
    /// - Throws: `.invalidParameter` when x is kinetic and no photon energy is known or it is not > 0;
    ///   `.invalidData` when x is neither electron energy.
    public func bindingEnergy(photonEnergy: Double? = nil) throws -> Spectrum {
        if axis == .bindingEnergy { return self }
        guard axis == .kineticEnergy else {
            throw InterphaseError(.invalidData, "region '\(name)': x is \(axis.label), not an electron energy", file: source)
        }
        guard let hv = photonEnergy ?? metadata.sourceEnergy else {
            throw InterphaseError(.invalidParameter, "region '\(name)': x is kinetic energy and the file states no photon energy",
                                  file: source, parameter: "--photon-energy", expected: "the excitation energy hν in eV")
        }
        guard hv > 0, hv.isFinite else {
            throw InterphaseError(.invalidParameter, "photon energy \(hv) eV is not positive", file: source, parameter: "--photon-energy")
        }
        var metadata = self.metadata
        metadata.sourceEnergy = hv
        return try Spectrum(x: x.map { hv - $0 }, y: y, axis: .bindingEnergy, intensity: intensity, columns: columns,
                            metadata: metadata, source: source)
    }

    /// The points with x inside `window` (in `axis.unit`), order kept.
    /// - Throws: `.invalidData` when fewer than 3 points are inside.
    public func points(in window: ClosedRange<Double>) throws -> Spectrum {
        let keep = x.indices.filter { window.contains(x[$0]) }
        return try Spectrum(x: keep.map { x[$0] }, y: keep.map { y[$0] }, axis: axis, intensity: intensity,
                            columns: columns.mapValues { v in keep.map { v[$0] } }, metadata: metadata, source: source)
    }
}
