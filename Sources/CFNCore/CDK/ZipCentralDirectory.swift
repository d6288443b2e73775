/// The sizes a zip archive declares in its central directory, read without inflating anything:
/// what Lambda counts as the code's unzipped size is the sum of the entries' uncompressed sizes.
///
/// Format: PKWARE's APPNOTE.TXT (4.3.12 central directory header, 4.3.16 end of central directory,
/// 4.3.14/4.3.15 the ZIP64 end record and its locator, 4.5.3 the ZIP64 extra field). The library
/// reads no files: `read(offset, count)` gives the bytes of the archive the CLI opened.
public struct ZipCentralDirectory: Sendable, Hashable {
    public var entries: Int64
    /// The sum of the entries' uncompressed sizes.
    public var unzippedBytes: Int64

    public init(entries: Int64, unzippedBytes: Int64) {
        self.entries = entries
        self.unzippedBytes = unzippedBytes
    }

    /// Bytes of the archive: `count` bytes from `offset`, or nil when they cannot be read.
    public typealias Reader = (_ offset: Int64, _ count: Int) -> [UInt8]?

    static let endSignature: UInt32 = 0x0605_4b50
    static let zip64EndSignature: UInt32 = 0x0606_4b50
    static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    static let headerSignature: UInt32 = 0x0201_4b50
    /// The end record is 22 bytes plus a comment of at most 65535.
    static let endSearch = 22 + 65_535
    /// A central directory larger than this is not read (a Lambda package has far fewer entries).
    static let directoryLimit: Int64 = 256 << 20

    /// The archive's sizes, or nil when `fileSize` bytes are not a zip archive this can read.
    public static func read(fileSize: Int64, _ read: Reader) -> ZipCentralDirectory? {
        guard fileSize >= 22 else { return nil }
        let tailStart = max(0, fileSize - Int64(endSearch))
        guard let tail = read(tailStart, Int(fileSize - tailStart)), tail.count == Int(fileSize - tailStart), let endAt = lastEndRecord(in: tail) else { return nil }
        var entries = Int64(tail.uint16(at: endAt + 10))
        var size = Int64(tail.uint32(at: endAt + 12))
        var offset = Int64(tail.uint32(at: endAt + 16))
        // The ZIP64 locator sits just before the end record when a field overflowed (65535 entries
        // may also be a plain count: then there is no locator).
        if entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, let wide = zip64End(before: tailStart + Int64(endAt), read) {
            (entries, size, offset) = wide
        }
        // The directory ends before the end record (and the ZIP64 records between them).
        guard size >= 0, size <= directoryLimit, offset >= 0, offset.addingReportingOverflow(size).partialValue <= tailStart + Int64(endAt),
              // An empty archive's directory is no bytes: not asked for, as a reader at the end may answer nil.
              let directory = size == 0 ? [] : read(offset, Int(size)), directory.count == Int(size) else { return nil }
        return parse(directory, entries: entries)
    }

    /// The entry count, size and offset of the central directory from the ZIP64 end record.
    static func zip64End(before endAt: Int64, _ read: Reader) -> (Int64, Int64, Int64)? {
        guard endAt >= 20, let locator = read(endAt - 20, 20), locator.count == 20, locator.uint32(at: 0) == zip64LocatorSignature,
              let recordAt = locator.int64(at: 8), let record = read(recordAt, 56), record.count == 56,
              record.uint32(at: 0) == zip64EndSignature,
              let count = record.int64(at: 32), let bytes = record.int64(at: 40), let start = record.int64(at: 48) else { return nil }
        return (count, bytes, start)
    }

    /// The index of the end-of-central-directory record in `tail`: the last signature whose record,
    /// with the comment it declares, ends where the archive does (a comment may hold the signature).
    static func lastEndRecord(in tail: [UInt8]) -> Int? {
        var index = tail.count - 22
        while index >= 0 {
            if tail.uint32(at: index) == endSignature, index + 22 + Int(tail.uint16(at: index + 20)) == tail.count { return index }
            index -= 1
        }
        return nil
    }

    /// Sums the uncompressed sizes of the central directory's headers.
    static func parse(_ directory: [UInt8], entries: Int64) -> ZipCentralDirectory? {
        var index = 0
        var total: Int64 = 0
        var count: Int64 = 0
        while index + 46 <= directory.count, directory.uint32(at: index) == headerSignature {
            let nameLength = Int(directory.uint16(at: index + 28))
            let extraLength = Int(directory.uint16(at: index + 30))
            let commentLength = Int(directory.uint16(at: index + 32))
            var unzipped = Int64(directory.uint32(at: index + 24))
            let extraStart = index + 46 + nameLength
            guard extraStart + extraLength <= directory.count else { return nil }
            if unzipped == 0xFFFF_FFFF {
                // The ZIP64 extra field (id 1) holds the uncompressed size first.
                guard let wide = zip64Size(directory, from: extraStart, length: extraLength) else { return nil }
                unzipped = wide
            }
            total = total.saturatingAdd(unzipped)
            count += 1
            index = extraStart + extraLength + commentLength
        }
        guard count == entries else { return nil }
        return ZipCentralDirectory(entries: count, unzippedBytes: total)
    }

    static func zip64Size(_ bytes: [UInt8], from start: Int, length: Int) -> Int64? {
        var index = start
        while index + 4 <= start + length {
            let id = bytes.uint16(at: index)
            let size = Int(bytes.uint16(at: index + 2))
            if id == 1, size >= 8, index + 12 <= start + length { return bytes.int64(at: index + 4) }
            index += 4 + size
        }
        return nil
    }
}

private extension [UInt8] {
    func uint16(at index: Int) -> UInt16 {
        UInt16(self[index]) | UInt16(self[index + 1]) << 8
    }

    func uint32(at index: Int) -> UInt32 {
        UInt32(uint16(at: index)) | UInt32(uint16(at: index + 2)) << 16
    }

    /// A little-endian 64-bit size, nil when it does not fit in `Int64` or runs past the end.
    func int64(at index: Int) -> Int64? {
        guard index >= 0, index + 8 <= count else { return nil }
        let value = UInt64(uint32(at: index)) | UInt64(uint32(at: index + 4)) << 32
        return value <= UInt64(Int64.max) ? Int64(value) : nil
    }
}
