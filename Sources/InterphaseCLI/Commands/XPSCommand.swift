import ArgumentParser
import Foundation
import Interphase

/// `interphase xps FILE`: fits one XPS region (background, components from the assignment table or a
/// component table, calibration) and writes summary.json, components.csv and the figure.
struct XPSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xps",
        abstract: "Fit an XPS region: Shirley/Tougaard/linear background, GL/Voigt/… components, standard errors, calibration.")

    @Argument(help: "XPS file (VAMAS .vms, SPECS .xy, CasaXPS or Scienta text export, BE/KE two-column table).")
    var file: String

    @Option(name: .long, help: "Region to fit, as the file names it ('C 1s'); needed when the file has several.")
    var region: String?

    @Option(name: .long, help: "auto (the assignment table of the region) or a component table (JSON).")
    var components: String = "auto"

    @Option(name: .long, help: "shirley, tougaard, linear, active-shirley (fitted with the peaks) or none.")
    var background: String = "shirley"

    @Option(name: .long, help: "Shift energies so that a component sits at a reference, e.g. 'C-C=284.6'.")
    var calibrate: String?

    @Option(name: .customLong("endpoint-points"), help: "Points averaged at each end for the background levels.")
    var endpointPoints: Int = 3

    @Option(name: .customLong("tougaard-b"), help: "Tougaard B (eV²); default: scaled to meet the high-energy end.")
    var tougaardB: Double?

    @Option(name: .customLong("tougaard-c"), help: "Tougaard C (eV²).")
    var tougaardC: Double = 1643

    @Option(name: .long, help: "Binding-energy window to fit, LOW:HIGH (eV, raw scale).")
    var window: String?

    @Option(name: .customLong("photon-energy"), help: "Photon energy hν (eV) for kinetic-energy files that do not state it.")
    var photonEnergy: Double?

    @Option(name: .long, help: "uniform (lmfit's default) or poisson (1/√counts).")
    var weighting: String = "uniform"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let methods: [String: BackgroundMethod] = [
            "shirley": .shirley, "linear": .linear, "active-shirley": .activeShirley, "none": .none,
            "tougaard": .tougaard(b: tougaardB, c: tougaardC),
        ]
        guard let method = methods[background] else {
            throw InterphaseError(.invalidParameter, "unknown background '\(background)'", parameter: "--background",
                                  expected: methods.keys.sorted().joined(separator: ", "))
        }
        guard let weights = PeakFitWeighting(rawValue: weighting) else {
            throw InterphaseError(.invalidParameter, "unknown weighting '\(weighting)'", parameter: "--weighting", expected: "uniform, poisson")
        }
        var options = PeakFitOptions(background: method, endpointPoints: endpointPoints, weighting: weights, photonEnergy: photonEnergy)
        if let calibrate { options.calibration = try EnergyCalibration(parsing: calibrate) }
        if let window {
            let parts = window.split(separator: ":").compactMap { Double($0) }
            guard parts.count == 2, parts[0] < parts[1] else {
                throw InterphaseError(.invalidParameter, "'\(window)' is not LOW:HIGH", parameter: "--window", expected: "e.g. 280:295")
            }
            options.window = parts[0]...parts[1]
        }
        let source: ComponentSource
        if components == "auto" {
            source = .auto
        } else {
            let url = URL(fileURLWithPath: components)
            source = .table(try PeakComponentTable(parsing: try InstrumentFile.contents(of: url), file: components))
        }
        // A stale summary.json would look like this run's result if the fit fails.
        if let directory = output.outURL { try? FileManager.default.removeItem(at: directory.appendingPathComponent("summary.json")) }
        let read = try SpectroscopyLoader.load(URL(fileURLWithPath: file), options: SpectroscopyReadOptions(photonEnergy: photonEnergy))
        let result = try XPSRegionFit.run(read.spectra, file: file, request: XPSFitRequest(region: region, components: source, options: options))
        let summary = PeakFitSummary(result, file: file, format: read.format.id)
        output.present(json: summary.json, csv: summary.table.renderedCSV(), text: summary.text)
        if let directory = output.outURL {
            try PeakFitFiles.write(summary, to: directory)
            output.info("wrote \(directory.path)")
        }
    }
}
