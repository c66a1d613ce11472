/// Physical constants and unit conversions, in one place: every other file converts with these names
/// instead of inline literals.
///
/// Inside Interphase quantities are SI, except that cycler charge and energy are counted in A·h and W·h
/// (the instruments' own units; `PhysicalDimension` in InterphaseData says which reference each quantity uses).
/// Outputs convert to the field's units (mAh, mA cm⁻², eV, Å) at the edge, with these factors.
///
/// Constants are the CODATA 2018 recommended values (E. Tiesinga, P. J. Mohr, D. B. Newell, B. N. Taylor,
/// "CODATA recommended values of the fundamental physical constants: 2018", Rev. Mod. Phys. 93, 025010
/// (2021); NIST SP 961). Since the 2019 SI redefinition e, h, k_B and N_A are exact.
public enum Units {
    // MARK: Time

    /// Seconds per minute.
    public static let secondsPerMinute = 60.0
    /// Seconds per hour: 1 h = 3600 s (so 1 A·h = 3600 C).
    public static let secondsPerHour = 3600.0
    /// Seconds per day (Excel serial and OLE automation dates count days).
    public static let secondsPerDay = 86400.0
    /// Days from the OLE automation / Excel epoch (1899-12-30) to the Unix epoch (1970-01-01).
    public static let oleEpochToUnixDays = 25569.0

    // MARK: Decimal prefixes

    /// milli: 10⁻³ (mA → A, mAh → Ah, mV → V).
    public static let milli = 1e-3
    /// micro: 10⁻⁶.
    public static let micro = 1e-6
    /// nano: 10⁻⁹.
    public static let nano = 1e-9
    /// kilo: 10³ (A → mA is × kilo; g → kg is × milli).
    public static let kilo = 1e3
    /// mega: 10⁶.
    public static let mega = 1e6

    // MARK: Charge and area

    /// Coulombs per ampere-hour: 3600.
    public static let coulombsPerAmpereHour = secondsPerHour
    /// Square metres per square centimetre: 10⁻⁴ (mA cm⁻² ↔ A m⁻²: 1 mA cm⁻² = 10 A m⁻²).
    public static let squareMetresPerSquareCentimetre = 1e-4
    /// Square centimetres per square metre: 10⁴ (m² → cm² in outputs).
    public static let squareCentimetresPerSquareMetre = 1e4
    /// Kilograms per gram: 10⁻³ (mAh g⁻¹ = 10⁻³ Ah / 10⁻³ kg).
    public static let kilogramsPerGram = 1e-3
    /// Grams per kilogram: 10³ (kg → g for mAh g⁻¹).
    public static let gramsPerKilogram = 1e3
    /// A m⁻² in mA cm⁻²: 10³ mA / 10⁴ cm² = 0.1 (1 mA cm⁻² = 10 A m⁻²).
    public static let ampsPerSquareMetreInMilliampsPerSquareCentimetre = 0.1
    /// Kilograms per milligram: 10⁻⁶ (`--active-mass-mg`).
    public static let kilogramsPerMilligram = 1e-6
    /// Milligrams per kilogram: 10⁶ (kg → mg in outputs).
    public static let milligramsPerKilogram = 1e6

    // MARK: Temperature

    /// 0 °C in kelvin.
    public static let zeroCelsius = 273.15

    // MARK: Fundamental constants (CODATA 2018)

    /// Elementary charge e. - Units: C. Exact.
    public static let elementaryCharge = 1.602176634e-19
    /// Avogadro constant N_A. - Units: mol⁻¹. Exact.
    public static let avogadro = 6.02214076e23
    /// Boltzmann constant k_B. - Units: J K⁻¹. Exact.
    public static let boltzmann = 1.380649e-23
    /// Planck constant h. - Units: J s. Exact.
    public static let planck = 6.62607015e-34
    /// Faraday constant F = e N_A. - Units: C mol⁻¹ (96 485.332 12…).
    public static let faraday = elementaryCharge * avogadro
    /// Molar gas constant R = k_B N_A. - Units: J mol⁻¹ K⁻¹ (8.314 462 618…).
    public static let gasConstant = boltzmann * avogadro

    // MARK: Atomic units (CODATA 2018)

    /// Hartree energy E_h in electronvolts. - Units: eV. (27.211 386 245 988(53))
    public static let hartreeToElectronvolt = 27.211386245988
    /// Hartree energy E_h. - Units: J. (4.359 744 722 2071(85) × 10⁻¹⁸)
    public static let hartreeToJoule = 4.3597447222071e-18
    /// Hartree energy per mole. - Units: kJ mol⁻¹ (E_h N_A / 1000 = 2625.499 639…).
    public static let hartreeToKilojoulePerMole = hartreeToJoule * avogadro / 1e3
    /// Hartree energy per mole in thermochemical kilocalories (1 cal = 4.184 J exactly). - Units: kcal mol⁻¹ (627.509 47…).
    public static let hartreeToKilocaloriePerMole = hartreeToKilojoulePerMole / 4.184
    /// Bohr radius a₀ in ångström. - Units: Å. (0.529 177 210 903(80))
    public static let bohrToAngstrom = 0.529177210903
    /// Ångström in bohr (1 / a₀).
    public static let angstromToBohr = 1 / bohrToAngstrom
    /// Atomic unit of dipole moment e a₀ in debye. - Units: D. (2.541 746 473…; 1 D = 10⁻²¹/c C m)
    public static let atomicDipoleToDebye = 2.541746473
    /// Electronvolt. - Units: J (= e, exact).
    public static let electronvoltToJoule = elementaryCharge
    /// Wavenumber of 1 eV. - Units: cm⁻¹ (8065.543 937…).
    public static let electronvoltToWavenumber = 8065.543937
}
