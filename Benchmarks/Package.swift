// swift-tools-version:6.0
// Benchmarks/ is its own package: it depends on the root package by path and is not part of the root
// package's build or tests. Build: swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build-bench
import PackageDescription

let package = Package(
    name: "InterphaseBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Interphase", path: "..")],
    targets: [
        .executableTarget(
            name: "mpr-bench",
            dependencies: [.product(name: "Interphase", package: "Interphase")],
            path: "Sources/mpr-bench"),
        .executableTarget(
            name: "figure-bench",
            dependencies: [.product(name: "Interphase", package: "Interphase")],
            path: "Sources/figure-bench"),
        .executableTarget(
            name: "eis-bench",
            dependencies: [.product(name: "Interphase", package: "Interphase")],
            path: "Sources/eis-bench"),
        .executableTarget(
            name: "xps-bench",
            dependencies: [.product(name: "Interphase", package: "Interphase")],
            path: "Sources/xps-bench"),
        .executableTarget(
            name: "qc-bench",
            dependencies: [.product(name: "Interphase", package: "Interphase")],
            path: "Sources/qc-bench"),
    ],
    swiftLanguageModes: [.v5]
)
