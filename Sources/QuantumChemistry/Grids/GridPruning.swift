/// How the angular grid shrinks with distance from the nucleus.
public enum GridPruning: String, Sendable, CaseIterable {
    /// Every radial shell gets the full angular grid.
    case none
    /// NWChem's scheme, as PySCF's `gen_grid.nwchem_prune` (its default): five regions bounded by
    /// r/R_Bragg = α₁…α₄ (H–He 0.25, 0.5, 1.0, 4.5; Li–Ne 0.1667, 0.5, 0.9, 3.5; beyond 0.1, 0.4, 0.8,
    /// 2.5) get Lebedev grids [50, 86, N₋₁, N, N₋₁] for a largest grid N (its predecessor N₋₁ in the
    /// size list); N = 50 uses [50, 74, 74, 74, 50]; N < 50 is not pruned.
    case nwchem

    /// The angular grid size of each radial point (radii in bohr) of element Z with largest grid `n`.
    func angularSizes(radii: [Double], atomicNumber z: Int, largest n: Int) -> [Int] {
        guard self == .nwchem, n >= 50 else { return Array(repeating: n, count: radii.count) }
        // Sizes from 38 up, as PySCF's LEBEDEV_NGRID[4:].
        let sizes = LebedevGrid.orders.keys.sorted().filter { $0 >= 38 }
        let regions: [Int]
        if n == 50 {
            regions = [1, 2, 2, 2, 1]
        } else if let index = sizes.firstIndex(of: n) {
            regions = [1, 3, index - 1, index, index - 1]
        } else {
            return Array(repeating: n, count: radii.count)
        }
        let alphas: [Double] = z <= 2 ? [0.25, 0.5, 1.0, 4.5] : z <= 10 ? [0.1667, 0.5, 0.9, 3.5] : [0.1, 0.4, 0.8, 2.5]
        let rAtom = AtomicGridData.braggRadius(z) + 1e-200
        return radii.map { r in
            let place = alphas.filter { r / rAtom > $0 }.count
            return sizes[regions[place]]
        }
    }
}
