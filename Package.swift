// swift-tools-version:6.0
// Interphase — an open-source Swift toolkit for lithium-metal battery interphase research.
//
// Modules depend one way: data model ← instrument I/O ← engines ← outputs ← report ← CLI
// (see README "Modules" and ARCHITECTURE.md).
import PackageDescription

let package = Package(
    name: "Interphase",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "interphase", targets: ["InterphaseCLI"]),
        .library(name: "Interphase", targets: ["Interphase"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // System libraries (Debian packages installed by Scripts/bootstrap).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CMDBTools", pkgConfig: "libmdb", providers: [.apt(["mdbtools-dev"])]),
        .systemLibrary(name: "CLapack", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CSystemZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibint2", pkgConfig: "libint2", providers: [.apt(["libint2-dev", "libeigen3-dev"])]),
        .systemLibrary(name: "CLibxc", pkgConfig: "libxc", providers: [.apt(["libxc-dev"])]),
        // The C API over libint2 (C++): Gaussian shells in, integral matrices out.
        .target(name: "LibintBridge", dependencies: ["CLibint2"], cxxSettings: [.define("NDEBUG")],
                linkerSettings: [.linkedLibrary("int2")]),

        // Foundations: errors, tables, parallel loops, unit constants; numerics (LAPACK).
        .target(name: "InterphaseCore"),
        .target(name: "InterphaseNumerics", dependencies: ["InterphaseCore", "CLapack"]),
        .target(name: "InterphasePlot", dependencies: ["InterphaseCore", "CCairo", "CSystemZlib"]),

        // The data model (no C library): recordings, provenance, quantities and units.
        .target(name: "InterphaseData", dependencies: ["InterphaseCore"]),
        // Instrument I/O every engine's readers use: probe, bytes, gzip, binary, delimited text, XLSX, registry.
        .target(
            name: "InstrumentIO",
            dependencies: ["InterphaseCore", "InterphaseData", "CSystemZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Cycler-file readers (BioLogic, Neware, Arbin, Maccor, LAND, CSV) on top of InstrumentIO.
        .target(
            name: "CyclerData",
            dependencies: ["InterphaseCore", "InterphaseData", "InstrumentIO", "CMDBTools",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // Impedance-file readers (Gamry, ZView, CHI, VersaStudio, Maccor FRA, tables; EC-Lab through CyclerData).
        .target(name: "ImpedanceReaders", dependencies: ["InterphaseCore", "InterphaseData", "InstrumentIO", "CyclerData", "SpectroscopyReaders"]),
        // Spectroscopy-file readers (VAMAS, SPECS .xy, CasaXPS and Scienta text, two-column tables).
        .target(name: "SpectroscopyReaders", dependencies: ["InterphaseCore", "InterphaseData", "InstrumentIO"]),

        // Engines: computation on the data model only.
        // Quantum chemistry: molecules, bundled basis sets, libint2 integrals, SCF, DFT grids and libxc.
        .target(name: "QuantumChemistry", dependencies: ["InterphaseCore", "InterphaseNumerics", "LibintBridge", "CLibxc"],
                resources: [.copy("Resources/basis"), .copy("Resources/grids")]),
        .target(name: "Electroanalysis", dependencies: ["InterphaseCore", "InterphaseNumerics", "InterphaseData"]),
        // Equivalent-circuit impedance: circuit strings, element registry, complex nonlinear fits.
        .target(name: "Impedance", dependencies: ["InterphaseCore", "InterphaseNumerics", "InterphaseData"]),
        // XPS: backgrounds (linear, Shirley, Tougaard), line shapes, constrained peak fits, assignment tables.
        .target(name: "Spectroscopy", dependencies: ["InterphaseCore", "InterphaseNumerics", "InterphaseData"]),

        // Outputs: tables, files and figures of each engine; the report infrastructure and its sections.
        .target(name: "RecordingOutput", dependencies: ["InterphaseCore", "InterphaseData"]),
        .target(name: "InterphaseReport", dependencies: ["InterphaseCore", "InterphasePlot"]),
        .target(
            name: "CyclingOutput",
            dependencies: ["InterphaseCore", "InterphasePlot", "InterphaseData", "CyclerData", "Electroanalysis",
                           "InterphaseReport"]),
        .target(
            name: "ImpedanceOutput",
            dependencies: ["InterphaseCore", "InterphaseNumerics", "InterphasePlot", "InterphaseData", "Impedance", "ImpedanceReaders", "InterphaseReport"]),
        .target(
            name: "VoltammetryOutput",
            dependencies: ["InterphaseCore", "InterphasePlot", "InterphaseData", "Electroanalysis", "CyclerData", "InterphaseReport"]),
        .target(
            name: "SpectroscopyOutput",
            dependencies: ["InterphaseCore", "InterphasePlot", "InterphaseData", "InstrumentIO", "Spectroscopy", "SpectroscopyReaders", "InterphaseReport"]),
        .target(name: "QuantumChemistryOutput", dependencies: ["InterphaseCore", "InterphasePlot", "InterphaseReport", "QuantumChemistry"]),
        .target(name: "Reproduction", dependencies: ["InterphaseReport", "CyclingOutput", "ImpedanceOutput", "VoltammetryOutput", "SpectroscopyOutput", "QuantumChemistryOutput"]),

        .target(
            name: "Interphase",
            dependencies: [
                "InterphaseCore", "InterphaseNumerics", "InterphasePlot", "InterphaseData", "InstrumentIO", "CyclerData",
                "Electroanalysis", "Impedance", "ImpedanceReaders", "SpectroscopyReaders", "Spectroscopy", "SpectroscopyOutput", "QuantumChemistry", "QuantumChemistryOutput", "RecordingOutput",
                "CyclingOutput", "ImpedanceOutput", "VoltammetryOutput", "InterphaseReport", "Reproduction",
            ]),
        .executableTarget(
            name: "InterphaseCLI",
            dependencies: ["Interphase", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "_InterphaseTestSupport", dependencies: ["InterphaseCore", "InterphaseData", "CyclerData"]),

        .testTarget(name: "InterphaseCoreTests", dependencies: ["InterphaseCore", "_InterphaseTestSupport"]),
        .testTarget(name: "InterphaseNumericsTests", dependencies: ["InterphaseNumerics", "_InterphaseTestSupport"]),
        .testTarget(name: "InterphasePlotTests", dependencies: ["InterphasePlot", "_InterphaseTestSupport"]),
        .testTarget(name: "InterphaseDataTests", dependencies: ["InterphaseData", "_InterphaseTestSupport"]),
        .testTarget(name: "InstrumentIOTests", dependencies: ["InstrumentIO", "_InterphaseTestSupport"]),
        .testTarget(
            name: "CyclerDataTests",
            dependencies: ["CyclerData", "InstrumentIO", "_InterphaseTestSupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Reference"]),
        .testTarget(
            name: "ImpedanceTests", dependencies: ["Impedance", "ImpedanceReaders", "InterphaseNumerics", "InterphaseData", "_InterphaseTestSupport"],
            exclude: ["Reference"]),
        .testTarget(
            name: "ImpedanceReadersTests", dependencies: ["ImpedanceReaders", "InterphaseData", "_InterphaseTestSupport"],
            exclude: ["Reference"]),
        .testTarget(
            name: "SpectroscopyTests",
            dependencies: ["Spectroscopy", "SpectroscopyReaders", "SpectroscopyOutput", "InterphaseNumerics", "InterphaseData", "_InterphaseTestSupport"],
            exclude: ["Reference"]),
        .testTarget(name: "QuantumChemistryTests", dependencies: ["QuantumChemistry", "InterphaseNumerics", "_InterphaseTestSupport"],
                    exclude: ["Reference"]),
        .testTarget(
            name: "ElectroanalysisTests", dependencies: ["Electroanalysis", "CyclingOutput", "_InterphaseTestSupport"],
            exclude: ["Reference"]),
        .testTarget(
            name: "OutputTests",
            dependencies: ["RecordingOutput", "CyclingOutput", "VoltammetryOutput", "QuantumChemistryOutput", "QuantumChemistry", "SpectroscopyOutput", "Reproduction", "InterphaseReport", "InterphasePlot", "Electroanalysis", "CyclerData", "InterphaseData", "_InterphaseTestSupport"]),
        .testTarget(name: "InterphaseCLITests", dependencies: ["InterphaseCLI", "_InterphaseTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
