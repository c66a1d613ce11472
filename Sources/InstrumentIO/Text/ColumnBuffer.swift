import Foundation
import InterphaseCore

/// A column that parser threads fill through a raw pointer, and that becomes the recording's array
/// (`[Double]`, or `[Int32]` for step and cycle indices) without a copy.
///
/// The storage is a Swift array created at the final size, known from the line count (`LargeArray`:
/// huge pages, pages populated in one call). `pointer` is its element storage: the array is held only
/// here and never mutated through the Swift API while threads write, so its heap buffer — and the
/// pointer — stay put (a native array's elements live in one heap object that moves only when the
/// array reallocates, which never happens here). The elements are bitwise-copyable, so they need no
/// initialisation before the parser writes them; every element up to `count` is written.
final class ColumnBuffer<Element: BitwiseCopyable> {
    private var storage: [Element]
    let pointer: UnsafeMutablePointer<Element>
    private var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        var array = LargeArray.make(count: self.capacity) { (_: UnsafeMutableBufferPointer<Element>) in }
        pointer = array.withUnsafeMutableBufferPointer { $0.baseAddress! }
        storage = array
        array = []
    }

    /// Moves the values at `[from, from + length)` to `to` (closing the gap blank lines leave between chunks' rows).
    func move(from: Int, to: Int, length: Int) {
        guard length > 0, from != to else { return }
        memmove(pointer + to, pointer + from, length * MemoryLayout<Element>.stride)
    }

    /// The values as an array (no copy: the storage is trimmed to `count`); the buffer is emptied.
    func takeArray() -> [Element] {
        var array = storage
        storage = []
        array.removeLast(capacity - count)
        capacity = 0
        count = 0
        return array
    }
}
