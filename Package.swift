// swift-tools-version:6.0
// Interphase — an open-source Swift toolkit for lithium-metal battery interphase research.
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

        .target(name: "InterphaseCore"),
        .target(name: "InterphaseNumerics", dependencies: ["InterphaseCore", "CLapack"]),
        .target(name: "InterphasePlot", dependencies: ["InterphaseCore", "CCairo"]),
        .target(
            name: "CyclerData",
            dependencies: ["InterphaseCore", "CMDBTools", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Electroanalysis", dependencies: ["InterphaseCore", "InterphaseNumerics", "CyclerData"]),
        .target(name: "InterphaseReport", dependencies: ["InterphaseCore", "InterphasePlot"]),
        .target(
            name: "Reproduction",
            dependencies: ["InterphaseCore", "InterphasePlot", "CyclerData", "Electroanalysis", "InterphaseReport"]),
        .target(
            name: "Interphase",
            dependencies: [
                "InterphaseCore", "InterphaseNumerics", "InterphasePlot", "CyclerData", "Electroanalysis",
                "InterphaseReport", "Reproduction",
            ]),
        .executableTarget(
            name: "InterphaseCLI",
            dependencies: ["Interphase", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "_InterphaseTestSupport", dependencies: ["InterphaseCore", "CyclerData"]),

        .testTarget(name: "InterphaseCoreTests", dependencies: ["InterphaseCore", "_InterphaseTestSupport"]),
        .testTarget(name: "InterphaseNumericsTests", dependencies: ["InterphaseNumerics", "_InterphaseTestSupport"]),
        .testTarget(name: "InterphasePlotTests", dependencies: ["InterphasePlot", "_InterphaseTestSupport"]),
        .testTarget(
            name: "CyclerDataTests",
            dependencies: ["CyclerData", "_InterphaseTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Reference"]),
        .testTarget(name: "ElectroanalysisTests", dependencies: ["Electroanalysis", "_InterphaseTestSupport"]),
        .testTarget(name: "InterphaseCLITests", dependencies: ["InterphaseCLI", "_InterphaseTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
