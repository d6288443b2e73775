/// The iteration order of a Python 2.7 dict, as aws-sam-translator simulates it to keep the
/// deployment hashes of old templates (`Py27Keys` in samtranslator/utils/py27hash_fix.py, after
/// CPython 2.7's Objects/dictobject.c): an open-addressing table of string hashes, iterated in
/// slot order. The order depends on the keys and the order they were added in.
struct Py27Keys: Sendable {
    /// Each slot's key index, -1 when empty, -2 for a deleted key (`DUMMY`).
    private var slots = [Int32](repeating: -1, count: 8)
    /// Every key ever added, in the order added; slots index into it. A resize or a deep copy moves
    /// indices between slots and never copies or hashes a key again.
    private var keys: [String] = []
    private var hashes: [UInt64] = []
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

    private func holds(_ index: Int, _ key: String, _ hash: UInt64) -> Bool {
        guard slots[index] >= 0 else { return false }
        let held = Int(slots[index])
        return hashes[held] == hash && keys[held] == key
    }

    /// `_get_key_idx`: the slot holding `key`, or the one it would take (the first deleted one passed).
    private func slot(of key: String, hash: UInt64) -> Int {
        let mask = UInt64(slots.count - 1)
        var index = Int(hash & mask)
        if slots[index] == -1 || holds(index, key, hash) { return index }
        var free: Int? = slots[index] == -2 ? index : nil
        var walker = UInt64(index)
        var perturb = hash
        while true {
            walker = (walker << 2) &+ walker &+ perturb &+ 1
            index = Int(walker & mask)
            if slots[index] == -1 { return free ?? index }
            if holds(index, key, hash) { return index }
            if free == nil, slots[index] == -2 { free = index }
            perturb >>= 5
        }
    }

    /// The same probe for a key known not to be in a table without deleted slots: the first empty one.
    private func emptySlot(hash: UInt64) -> Int {
        let mask = UInt64(slots.count - 1)
        var index = Int(hash & mask)
        var walker = UInt64(index)
        var perturb = hash
        while slots[index] != -1 {
            walker = (walker << 2) &+ walker &+ perturb &+ 1
            index = Int(walker & mask)
            perturb >>= 5
        }
        return index
    }

    /// `remove`: the key's slot becomes a deleted one, which still counts as filled.
    mutating func remove(_ key: String) {
        let hash = Self.hash(key)
        let index = slot(of: key, hash: hash)
        if holds(index, key, hash) {
            slots[index] = -2
            size -= 1
        }
    }

    /// `add`: a new key takes its slot; the table grows (to four times the keys) when two thirds full.
    mutating func add(_ key: String) {
        let hash = Self.hash(key)
        let index = slot(of: key, hash: hash)
        guard !holds(index, key, hash) else { return }
        if slots[index] == -1 { fill += 1 }
        slots[index] = Int32(keys.count)
        keys.append(key)
        hashes.append(hash)
        size += 1
        growIfFull()
    }

    /// `merge` (`dict.update` with a dict): the table made room for all the keys first, then each added.
    mutating func merge(_ added: [String]) {
        guard !added.isEmpty else { return }
        if (fill + added.count) * 3 >= slots.count * 2 { resize((size + added.count) * 2) }
        for key in added { add(key) }
    }

    private mutating func growIfFull() {
        if fill * 3 >= slots.count * 2 { resize(size * (size > 50_000 ? 2 : 4)) }
    }

    /// Adds a key of `keys`, by index, to a table it is not in (a resize, a copy).
    private mutating func readd(_ held: Int32) {
        slots[emptySlot(hash: hashes[Int(held)])] = held
        fill += 1
        size += 1
        growIfFull()
    }

    /// `_resize`: a table of the next power of two above `request`, the keys added again in order.
    private mutating func resize(_ request: Int) {
        var count = 8
        while count <= request { count <<= 1 }
        let old = slots
        slots = [Int32](repeating: -1, count: count)
        fill = 0
        size = 0
        for held in old where held >= 0 { readd(held) }
    }

    /// What `copy.deepcopy` makes of the dict: a new table with the keys added in iteration order.
    /// Returns whether the iteration order changed. Linear in the keys; no key is copied or hashed.
    mutating func rebuild() -> Bool {
        let old = slots.filter { $0 >= 0 }
        slots = [Int32](repeating: -1, count: 8)
        fill = 0
        size = 0
        for held in old { readd(held) }
        var position = 0
        for held in slots where held >= 0 {
            if held != old[position] { return true }
            position += 1
        }
        return false
    }
}
