// SCF timed inside one process, in the layout of pyscf_scf_bench.py (Benchmarks/qc.sh):
//
//     qc-bench XYZ BASIS K [METHOD [GRID [gradient]]]   # integrals + SCF to 1e-9 Eh, K times; prints mean seconds and the energy
//
// With `gradient`, the analytic nuclear gradient after each SCF is timed apart and printed with its largest component.
import Foundation
import Interphase

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
let arguments = CommandLine.arguments
guard arguments.count >= 4, let k = Int(arguments[3]), let name = BasisSetName.named(arguments[2]) else {
    FileHandle.standardError.write("usage: qc-bench XYZ BASIS K [METHOD [GRID]]\n".data(using: .utf8)!)
    exit(2)
}
let method = try SCFMethod.named(arguments.count > 4 ? arguments[4] : "rhf")
var options = SCFOptions()
if arguments.count > 5 { options.grid = try GridSpecification.parse(arguments[5]) }
let molecule = try Molecule.readXYZ(URL(fileURLWithPath: arguments[1]))
let wantGradient = arguments.count > 6 && arguments[6] == "gradient"
var energy = 0.0, iterations = 0, functions = 0, gradientSeconds = 0.0, largest = 0.0
var scfSeconds = 0.0
for _ in 0..<k {
    let start = now()
    let integrals = try Integrals(try BasisSet(name, for: molecule), molecule: molecule)
    let result = try RestrictedSCF.run(integrals, method: method, options: options)
    scfSeconds += now() - start
    energy = result.energy
    iterations = result.iterations
    functions = result.functionCount
    if wantGradient {
        let g0 = now()
        largest = try SCFGradient.compute(integrals, result: result, method: method, options: options).maxComponent
        gradientSeconds += now() - g0
    }
}
let elapsed = scfSeconds / Double(k)
var line = "interphase\t\(String(format: "%.3f", elapsed)) s\t\(functions) functions\t\(iterations) cycles\tE \(String(format: "%.10f", energy))"
if wantGradient { line += "\tgradient \(String(format: "%.3f", gradientSeconds / Double(k))) s\tmax \(String(format: "%.8f", largest))" }
print(line)
