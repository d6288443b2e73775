import CZlib
import Foundation

/// The size of a file compressed as a zip entry: raw deflate (no zlib header) at zlib's default
/// level, which is what Node's zlib, and so the archiver the CDK CLI zips asset folders with, uses.
/// Only the size is kept: the output goes to a buffer that is reused.
enum DeflatedSize {
    static func of(file path: String) -> Int64? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var stream = z_stream()
        // windowBits -15: raw deflate, as zip entries hold it.
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var total: Int64 = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()  // nil at the end of the file
            } catch {
                return nil
            }
            let finish = chunk.isEmpty
            var input = [UInt8](chunk)
            let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                var result = Z_OK
                repeat {
                    result = output.withUnsafeMutableBufferPointer { outputBuffer in
                        stream.next_out = outputBuffer.baseAddress
                        stream.avail_out = uInt(outputBuffer.count)
                        let code = deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                        total += Int64(outputBuffer.count) - Int64(stream.avail_out)
                        return code
                    }
                } while result == Z_OK && stream.avail_out == 0
                stream.next_in = nil
                return result
            }
            if finish { return status == Z_STREAM_END ? total : nil }
            guard status == Z_OK || status == Z_BUF_ERROR else { return nil }
        }
    }
}
