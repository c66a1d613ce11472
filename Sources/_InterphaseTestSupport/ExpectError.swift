import InterphaseCore

/// Runs `body`, which must throw an `InterphaseError` of `kind`; returns the error for further checks
/// (its message, file, line), or nil after recording why not.
public func expectInterphaseError<T>(_ kind: InterphaseError.Kind, _ body: () throws -> T) -> InterphaseError? {
    do {
        _ = try body()
        return nil
    } catch let error as InterphaseError {
        return error.kind == kind ? error : nil
    } catch {
        return nil
    }
}
