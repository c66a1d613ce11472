// swift-tools-version:6.0
// libFuzzer targets for Interphase's binary cycler readers: one executable per format, each feeding
// libFuzzer's inputs to the reader of that format (the registry row forced, as `--input-format` does).
// Each main hands libFuzzer's driver (`LLVMFuzzerRunDriver`, from compiler-rt's fuzzer_no_main, so SwiftPM
// keeps its own entry point) a callback. Built and run by `Fuzz/run FORMAT [SECONDS]` (release, address
// sanitizer, edge + comparison coverage); not part of CI.
import PackageDescription

let formats = ["biologic-mpr", "neware-nda", "neware-ndax", "land-ccs", "arbin-res", "xlsx"]

let package = Package(
    name: "InterphaseFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Interphase", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "Interphase", package: "Interphase")]),
    ] + formats.map { format in
        .executableTarget(name: "fuzz-\(format)", dependencies: ["FuzzSupport"], path: "Targets/\(format)")
    },
    swiftLanguageModes: [.v6]
)
