import Foundation
import CyclerData
import InstrumentIO
import InterphaseCore
import InterphaseData
import SpectroscopyReaders

/// What a measurement file holds once read: a recording (cycling, voltammetry, any time series) or
/// impedance sweeps.
public enum MeasurementFile: Sendable {
    case recording(Recording)
    case impedance(ImpedanceFile, path: String)
    /// Spectra (XPS regions, VAMAS blocks).
    case spectroscopy(SpectroscopyFile, path: String)
}

/// Reads any measurement file Interphase knows — the one place that asks both registries, for
/// `interphase read`: impedance formats with a signature of their own first, then spectroscopy formats
/// (VAMAS, SPECS, CasaXPS, Scienta, energy-headed tables); EC-Lab files are decoded once by the cycler
/// reader and are impedance when their columns are (a PEIS/GEIS `.mpr`); everything else is a cycler file.
public enum MeasurementLoader {
    public static func load(_ urls: [URL], options: ReadOptions = ReadOptions()) throws -> MeasurementFile {
        if urls.count == 1, options.format == nil, options.columnMapping == nil, let url = urls.first {
            let probe = try InstrumentFile.makeProbe(url)
            if let row = try? ImpedanceLoader.registry.detect(probe), row.format != .biologicMPR, row.format != .biologicMPT {
                return .impedance(try row.read(url, row.format, ImpedanceReadOptions()), path: url.path)
            }
            if let row = try? SpectroscopyLoader.registry.detect(probe) {
                return .spectroscopy(try row.read(url, row.format, SpectroscopyReadOptions()), path: url.path)
            }
        }
        var read = options
        read.auxiliaryColumns = true
        let recording = try RecordingLoader.load(urls, options: read)
        if urls.count == 1, RecordingImpedance.holdsImpedance(recording), let format = recording.metadata.provenance.format {
            return .impedance(try RecordingImpedance.file(from: recording, format: format), path: urls[0].path)
        }
        return .recording(recording)
    }
}
