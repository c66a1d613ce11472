/// A straight line through the averaged end points of the region, in energy:
/// B(E) = I_low + (I_high − I_low)(E − E_low)/(E_high − E_low).
public enum LinearBackground {
    /// - Parameters: x, y in ascending binding energy; `endpoints` from the same y.
    public static func compute(x: [Double], endpoints: BackgroundEndpoints) -> [Double] {
        let span = x[x.count - 1] - x[0]
        return x.map { endpoints.low + (endpoints.high - endpoints.low) * ($0 - x[0]) / span }
    }
}
