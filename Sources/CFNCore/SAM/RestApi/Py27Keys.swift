/// The iteration order of a Python 2.7 dict, as aws-sam-translator simulates it to keep the
/// deployment hashes of old templates (`Py27Keys` in samtranslator/utils/py27hash_fix.py, after
/// CPython 2.7's Objects/dictobject.c): an open-addressing table of string hashes, iterated in
/// slot order. The order depends on the keys and the order they were added in.
struct Py27Keys: Sendable {
    /// Each slot's key index, -1 when empty, -2 for a deleted key (`DUMMY`).
    private var slots = [Int32](repeating: -1, count: 8)
    private var keys: [String] = []
    private var fill = 0
    private var size = 0

    /// The keys in iteration order.
    var order: [String] { slots.compactMap { $0 >= 0 ? keys[Int($0)] : nil } }

    /// Python 2.7's string hash over the code points (`Hash.shash` in third_party/py27hash/hash.py),
    /// wrapped to 64 bits as `ctypes.c_size_t` reads it.
    static func hash(_ text: String) -> UInt64 {
        var x: UInt64 = 0
        var count: UInt64 = 0
        for scalar in text.unicodeScalars {
            let code = UInt64(scalar.value)
            if count == 0 { x = code << 7 }
            x = (1_000_003 &* x) ^ code
            count += 1
        }
        return count == 0 ? 0 : x ^ count
    }

    private func holds(_ index: Int, _ key: String) -> Bool { slots[index] >= 0 && keys[Int(slots[index])] == key }

    /// `_get_key_idx`: the slot holding `key`, or the one it would take (the first deleted one passed).
    private func slot(of key: String, hash: UInt64) -> Int {
        let mask = UInt64(slots.count - 1)
        var index = Int(hash & mask)
        if slots[index] == -1 || holds(index, key) { return index }
        var free: Int? = slots[index] == -2 ? index : nil
        var walker = UInt64(index)
        var perturb = hash
        while true {
            walker = (walker << 2) &+ walker &+ perturb &+ 1
            index = Int(walker & mask)
            if slots[index] == -1 { return free ?? index }
            if holds(index, key) { return index }
            if free == nil, slots[index] == -2 { free = index }
            perturb >>= 5
        }
    }

    /// `remove`: the key's slot becomes a deleted one, which still counts as filled.
    mutating func remove(_ key: String) {
        let index = slot(of: key, hash: Self.hash(key))
        if holds(index, key) {
            slots[index] = -2
            size -= 1
        }
    }

    /// `add`: a new key takes its slot; the table grows (to four times the keys) when two thirds full.
    mutating func add(_ key: String) {
        let hash = Self.hash(key)
        let index = slot(of: key, hash: hash)
        guard !holds(index, key) else { return }
        if slots[index] == -1 { fill += 1 }
        slots[index] = Int32(keys.count)
        keys.append(key)
        size += 1
        if fill * 3 >= slots.count * 2 { resize(size * (size > 50_000 ? 2 : 4)) }
    }

    /// `_resize`: a table of the next power of two above `request`, the keys added again in order.
    private mutating func resize(_ request: Int) {
        var count = 8
        while count <= request { count <<= 1 }
        let old = order
        slots = [Int32](repeating: -1, count: count)
        keys = []
        fill = 0
        size = 0
        for key in old { add(key) }
    }
}
