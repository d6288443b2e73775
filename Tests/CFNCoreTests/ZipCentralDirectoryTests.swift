import CFNCore
import Testing

/// Zip archives built here byte by byte (PKWARE APPNOTE 4.3): the sizes their central directory
/// declares, a ZIP64 size, a comment after the end record, and input that is not a zip.
@Suite struct ZipCentralDirectoryTests {
    static func le(_ value: UInt64, _ width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// Entries stored as empty local records (only the central directory is read): a name and a
    /// declared uncompressed size; a size of nil writes 0xFFFFFFFF and the ZIP64 extra field.
    static func archive(_ entries: [(name: String, size: UInt64?)], comment: String = "", wideSize: UInt64 = 0) -> [UInt8] {
        var bytes = Array("local records".utf8)
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let extra = entry.size == nil ? le(1, 2) + le(8, 2) + le(wideSize, 8) : []
            directory += le(0x0201_4b50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4)
            directory += le(10, 4) + le(entry.size ?? 0xFFFF_FFFF, 4) + le(UInt64(name.count), 2) + le(UInt64(extra.count), 2)
            directory += le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + name + extra
        }
        let offset = UInt64(bytes.count)
        bytes += directory
        let text = Array(comment.utf8)
        bytes += le(0x0605_4b50, 4) + le(0, 2) + le(0, 2) + le(UInt64(entries.count), 2) + le(UInt64(entries.count), 2)
        bytes += le(UInt64(directory.count), 4) + le(offset, 4) + le(UInt64(text.count), 2) + text
        return bytes
    }

    static func read(_ bytes: [UInt8]) -> ZipCentralDirectory? {
        ZipCentralDirectory.read(fileSize: Int64(bytes.count)) { offset, count in
            guard offset >= 0, Int(offset) + count <= bytes.count else { return nil }
            return Array(bytes[Int(offset)..<Int(offset) + count])
        }
    }

    @Test func sumsTheDeclaredSizes() {
        let zip = Self.archive([("index.js", 179), ("lib/", 0), ("lib/orders.js", 3280)])
        #expect(Self.read(zip) == ZipCentralDirectory(entries: 3, unzippedBytes: 3459))
    }

    @Test func findsTheEndRecordBeforeAComment() {
        let zip = Self.archive([("a.py", 12)], comment: "built by hand; PK\u{5}\u{6} inside a comment is not the record")
        #expect(Self.read(zip) == ZipCentralDirectory(entries: 1, unzippedBytes: 12))
    }

    @Test func readsAZip64Size() {
        let zip = Self.archive([("big.bin", nil), ("small.txt", 5)], wideSize: 5_000_000_000)
        #expect(Self.read(zip) == ZipCentralDirectory(entries: 2, unzippedBytes: 5_000_000_005))
    }

    @Test func anEmptyArchiveHasNoEntries() {
        // Its central directory is empty: a reader that has nothing to give for no bytes is not asked.
        let zip = Self.archive([])
        let read = ZipCentralDirectory.read(fileSize: Int64(zip.count)) { offset, count in
            count == 0 ? nil : Array(zip[Int(offset)..<Int(offset) + count])
        }
        #expect(read == ZipCentralDirectory(entries: 0, unzippedBytes: 0))
    }

    @Test func otherBytesAreNoArchive() {
        #expect(Self.read(Array("exports.handler = async () => 'not a zip';\n".utf8)) == nil)
        #expect(Self.read([]) == nil)
        let zip = Self.archive([("a.py", 12), ("b.py", 7)])
        // Cut inside the central directory: the end record's counts no longer match.
        for cut in [1, 30, zip.count - 23] {
            #expect(Self.read(Array(zip[..<(zip.count - 22 - cut)]) + Array(zip[(zip.count - 22)...])) == nil)
        }
    }
}
