import InterphaseCore
import Testing

/// Runs `body`, which must throw an `InterphaseError` of `kind`; returns the error for further checks
/// (its message, file, line). When it does not — no error, another kind, another error type — the test
/// records an issue saying which, at the caller's line, and the function returns nil.
public func expectInterphaseError<T>(_ kind: InterphaseError.Kind, sourceLocation: SourceLocation = #_sourceLocation,
                                     _ body: () throws -> T) -> InterphaseError? {
    do {
        let value = try body()
        Issue.record("expected an InterphaseError of kind \(kind), but no error was thrown (returned \(value))",
                     sourceLocation: sourceLocation)
        return nil
    } catch let error as InterphaseError {
        if error.kind == kind { return error }
        Issue.record("expected an InterphaseError of kind \(kind), got kind \(error.kind): \(error)", sourceLocation: sourceLocation)
        return nil
    } catch {
        Issue.record("expected an InterphaseError of kind \(kind), got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
