import Foundation
import InterphaseCore
import InterphaseData
import SpectroscopyReaders
import Testing
import _InterphaseTestSupport

/// Every bundled XPS file read by Interphase against the independent readers of
/// `References/spectroscopy_readers_reference.py` (vamas 0.2.0, pynxtools-xps 0.6.3, numpy): points,
/// first/last abscissa, photon energy, the intensity sum and ~25 sampled points per spectrum.
@Suite struct SpectroscopyReaderTests {
    static let files = ["regular.vms", "0-150W.vms", "irregular.vms", "MgFe2O4_with_transmission_function.xy", "vms_txt_export.txt",
                        "Ag_0001.txt", "PET_C1s.csv", "clean_Au_4f.csv"]

    @Test(arguments: files)
    func matchesIndependentReader(_ name: String) throws {
        let reference = try #require(try SpectroscopyReference.load("readers.json")["files"]?[name], "no reference for \(name)")
        let expected = try #require(reference["spectra"]?.arrayValue)
        let file = try SpectroscopyLoader.load(SpectroscopyReference.xps(name))
        var ours = file.spectra
        if name.hasSuffix(".xy") {
            // pynxtools-xps keeps one entry per (group, region name): the two one-cycle 'Align' regions (index x axis)
            // and the two '1 as-loaded' Fe2p regions (56 and 1501 points) collapse to one. Each of its entries is
            // matched to the curve of the same group, region, cycle and length; the rest are counted.
            ours = ours.filter { $0.axis != .channel }
            let theirs = expected.filter { $0["name"]?.stringValue != "Align" }
            #expect(file.spectra.count == 118, "xylib and the MANIFEST count 118 curves")
            #expect(ours.count == theirs.count + 1, "\(name): \(ours.count) energy curves, pynxtools-xps \(theirs.count) + the merged Fe2p")
            var matched: [Spectrum] = []
            for e in theirs {
                let s = ours.first {
                    $0.name == e["name"]?.stringValue && $0.metadata.group == e["group"]?.stringValue
                        && $0.metadata.cycle == e["cycle"]?.doubleValue.map { Int($0) } && Double($0.count) == e["points"]?.doubleValue
                }
                matched.append(try #require(s, "no curve for \(e["group"]?.stringValue ?? "") \(e["name"]?.stringValue ?? "") cycle \(e["cycle"]?.doubleValue ?? -1)"))
            }
            try compare(matched, theirs, name: name)
            // The region name is carried from the first cycle to the later ones.
            let o1s = ours.filter { $0.name == "O1s" && $0.metadata.group?.contains("Epass = 20 eV") == true }
            #expect(o1s.map(\.metadata.cycle) == [0, 1, 2, 3, 4] && o1s.allSatisfy { $0.count == 301 })
            return
        }
        #expect(ours.count == expected.count, "\(name): \(ours.count) spectra, reference \(expected.count)")
        try compare(ours, expected, name: name)
    }

    func compare(_ ours: [Spectrum], _ theirs: [JSONValue], name: String) throws {
        for (s, e) in zip(ours, theirs) {
            let label = "\(name) \(s.name) cycle \(s.metadata.cycle ?? 0)"
            #expect(s.count == e["points"]?.doubleValue.map { Int($0) }, "\(label): points")
            #expect(isClose(s.x[0], try #require(e["x_first"]?.doubleValue), rel: 1e-9, abs: 1e-9), "\(label): first x \(s.x[0])")
            #expect(isClose(s.x[s.count - 1], try #require(e["x_last"]?.doubleValue), rel: 1e-9, abs: 1e-9), "\(label): last x")
            if let hv = e["photon_energy"]?.doubleValue { #expect(s.metadata.sourceEnergy == hv, "\(label): photon energy") }
            // CasaXPS exports: pynxtools-xps reads the CPS column, Interphase keeps counts as y and CPS as a column.
            let y = name == "vms_txt_export.txt" ? try #require(s.columns["CPS"]) : s.y
            #expect(isClose(y.reduce(0, +), try #require(e["y_sum"]?.doubleValue), rel: 1e-9), "\(label): intensity sum")
            for sample in try #require(e["samples"]?.arrayValue) {
                let v = try SpectroscopyReference.numbers(sample)
                let i = Int(v[0])
                guard i < s.count else { Issue.record("\(label): reference point \(i) beyond \(s.count)"); continue }
                #expect(isClose(s.x[i], v[1], rel: 1e-9, abs: 1e-9) && isClose(y[i], v[2], rel: 1e-9), "\(label): point \(i)")
            }
            if let sum = e["second_variable_sum"]?.doubleValue {
                let column = try #require(s.columns.values.first, "\(label): transmission column kept")
                #expect(isClose(column.reduce(0, +), sum, rel: 1e-9))
            }
        }
    }

    /// Facts of the MANIFEST (xylib 1.6 reading 0-150W.vms): region names, BE ranges on conversion.
    @Test func kratosBlocksConvertToBindingEnergy() throws {
        let file = try SpectroscopyLoader.load(SpectroscopyReference.xps("0-150W.vms"))
        #expect(file.regionNames == ["wide", "Ni 2p", "O 1s", "C 1s", "W 4f"])
        let c1s = try file.spectra[3].bindingEnergy()
        #expect(c1s.axis == .bindingEnergy && isClose(c1s.range.lowerBound, 270, abs: 1e-9) && isClose(c1s.range.upperBound, 300, abs: 1e-9))
        #expect(file.spectra[0].metadata.passEnergy == 160 && file.spectra[0].metadata.sourceEnergy == 1486.69)
        #expect(isClose(try file.spectra[0].bindingEnergy().range.lowerBound, -5, abs: 1e-9))
    }

    @Test func kineticTableTakesPhotonEnergyFromHeaderOrOption() throws {
        let url = SpectroscopyReference.xps("clean_Au_4f.csv")
        let file = try SpectroscopyLoader.load(url)
        #expect(file.spectra[0].axis == .kineticEnergy && file.spectra[0].metadata.sourceEnergy == 180)
        let forced = try SpectroscopyLoader.load(url, options: SpectroscopyReadOptions(photonEnergy: 200))
        #expect(isClose(try forced.spectra[0].bindingEnergy().x[0], 200 - 84, abs: 1e-9))
    }

    @Test func nonMonotonicTableNamesFileAndPoint() throws {
        let dir = Fixtures.temporaryDirectory("spectro")
        let url = dir.appendingPathComponent("bad.csv")
        try "BE/eV,C1s\n290,10\n289.9,12\n289.95,11\n289.8,9\n".write(to: url, atomically: true, encoding: .utf8)
        let error = expectInterphaseError(.invalidData) { try SpectroscopyLoader.load(url) }
        #expect(error?.file == url.path && error?.line == 3 && error?.message.contains("not strictly monotonic") == true, "\(String(describing: error))")
    }

    @Test func truncatedVamasNamesTheLineAndField() throws {
        let text = try String(contentsOf: SpectroscopyReference.xps("regular.vms"), encoding: .isoLatin1)
        let dir = Fixtures.temporaryDirectory("spectro")
        let url = dir.appendingPathComponent("cut.vms")
        try String(text.prefix(3000)).write(to: url, atomically: true, encoding: .isoLatin1)
        let error = expectInterphaseError(.malformed) { try SpectroscopyLoader.load(url) }
        #expect(error?.message.contains("ordinate value") == true || error?.message.contains("ends while reading") == true, "\(String(describing: error))")
    }

    /// Constructed variants of the bundled formats: a Scienta region with two slices (their sum is the
    /// spectrum) and a CasaXPS export with only a CPS column (read as counts s⁻¹).
    @Test func scientaSlicesAreSummedAndCasaRateOnlyExportIsRead() throws {
        let dir = Fixtures.temporaryDirectory("spectro")
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOf: SpectroscopyReference.xps("Ag_0001.txt"), encoding: .isoLatin1)
        var doubled: [String] = [], inData = false
        for line in original.components(separatedBy: "\r\n") {
            if line.hasPrefix("[Data 1]") { inData = true; doubled.append(line); continue }
            let cells = line.split(separator: " ")
            doubled.append(inData && cells.count == 2 ? line + "  " + cells[1] : line)
        }
        let scienta = dir.appendingPathComponent("two_slices.txt")
        try doubled.joined(separator: "\r\n").write(to: scienta, atomically: true, encoding: .isoLatin1)
        let one = try SpectroscopyLoader.load(SpectroscopyReference.xps("Ag_0001.txt")).spectra[0]
        let two = try SpectroscopyLoader.load(scienta).spectra[0]
        #expect(zip(one.y, two.y).allSatisfy { isClose($1, 2 * $0, rel: 1e-12) }, "two equal slices sum to twice one")

        let casa = dir.appendingPathComponent("cps.txt")
        try "C 1s\n\tCharacteristic Energy eV\t1486.6\tAcquisition Time s\t0.1\nB.E.\tCPS\n290\t100\n289.9\t110\n289.8\t130\n".write(to: casa, atomically: true, encoding: .utf8)
        let rate = try SpectroscopyLoader.load(casa)
        #expect(rate.format == .casaXPSText && rate.spectra[0].intensity == .countsPerSecond && rate.spectra[0].y == [100, 110, 130])
    }

    /// The parameter exclusion list of ISO 14976: a second block that leaves out its comment (block
    /// parameter 8) and its date (1–6) inherits the first block's, and its data are read from the right lines.
    /// Built from regular.vms by copying its block.
    @Test func exclusionListLetsLaterBlocksInheritFields() throws {
        let lines = try String(contentsOf: SpectroscopyReference.xps("regular.vms"), encoding: .isoLatin1)
            .components(separatedBy: "\r\n")
        let blockStart = 22, end = try #require(lines.lastIndex(of: "end of experiment"))
        #expect(lines[17] == "0" && lines[21] == "1" && lines[blockStart] == "Survey" && lines[31] == "14")
        var block = Array(lines[blockStart..<end])
        // Drop the date (6 lines after the two identifiers) and the comment (count + 14 lines) from the copy.
        block.removeSubrange(9..<(9 + 1 + 14))
        block.removeSubrange(2..<8)
        var header = Array(lines[..<blockStart])
        header[21] = "2"
        header.replaceSubrange(17...17, with: ["-7", "1", "2", "3", "4", "5", "6", "8"])
        let text = (header + Array(lines[blockStart..<end]) + block + ["end of experiment", ""]).joined(separator: "\r\n")
        let dir = Fixtures.temporaryDirectory("spectro")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("two_blocks.vms")
        try text.write(to: url, atomically: true, encoding: .isoLatin1)
        let file = try SpectroscopyLoader.load(url)
        #expect(file.spectra.count == 2)
        #expect(file.spectra[1].y == file.spectra[0].y && file.spectra[1].x == file.spectra[0].x)
        #expect(file.spectra[1].metadata.acquired == file.spectra[0].metadata.acquired && file.spectra[1].metadata.passEnergy == 100)
    }
}
