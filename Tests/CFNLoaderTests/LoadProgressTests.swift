@testable import CFNLoader
import Foundation
import Testing

/// A follower of a load (`LoadProgress`) sees each top-level entry and each resource once it is
/// complete, in order, and a tree whose nodes are the loaded tree's own.
@Suite struct LoadProgressTests {
    final class Box: @unchecked Sendable {
        var result: LoadResult?
    }

    /// Loads `text` on another thread while following it here; gives the load, every batch of
    /// entries as handed over, and the follower's tree.
    static func followed(_ text: String, publicationBytes: Int) -> (result: LoadResult, batches: [[LoadProgress.Entry]], replica: NodeTree, publications: Int) {
        let progress = LoadProgress(publicationBytes: publicationBytes)
        #expect(progress.follow())
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            box.result = YAMLLoader.load(Array(text.utf8), progress: progress)
            done.signal()
        }.start()
        var replica = NodeTree()
        var batches: [[LoadProgress.Entry]] = []
        while let entries = progress.next(into: &replica) {
            batches.append(entries)
        }
        done.wait()
        return (box.result ?? YAMLLoader.load([]), batches, replica, progress.publications)
    }

    static let template = """
        Parameters:
          Stage: {Type: String}
        Resources:
          First:
            Type: AWS::Lambda::Function
            Properties: &props {Handler: !Sub "${Stage}.handler", Layers: [!Ref Layer]}
          Scalar: not a resource
          Second:
            Type: AWS::Lambda::Function
            Properties: *props
          ? [not, a, scalar, key]
          : Type: AWS::S3::Bucket
        Outputs:
          Out: {Value: !GetAtt First.Arn}

        """

    @Test func entriesComeInOrderEachOnceComplete() throws {
        for publicationBytes in [1, 40, 1 << 16] {
            let (result, batches, replica, _) = Self.followed(Self.template, publicationBytes: publicationBytes)
            let tree = try #require(result.tree)
            let root = try #require(tree.root)
            let entries = batches.flatMap { $0 }
            func name(_ node: NodeID) -> String { tree.string(node) ?? "<\(tree.kind(node))>" }
            let described = entries.map { entry -> String in
                switch entry {
                case .section(let key, _): "section \(name(key))"
                case .resource(let key, _): "resource \(name(key))"
                }
            }
            #expect(described == ["section Parameters", "resource First", "resource Scalar", "resource Second", "resource <sequence>",
                                  "section Resources", "section Outputs"], "every \(publicationBytes) bytes")
            // The entries are the loaded tree's own nodes: the sections' values are the root's.
            let sections = entries.compactMap { entry -> NodeID? in
                if case .section(_, let value) = entry { return value } else { return nil }
            }
            #expect(sections == tree.entries(root).map(\.value))
            // The follower's tree is the loaded tree, node for node, up to what was handed over.
            #expect(replica.nodeCount <= tree.nodeCount)
            #expect(replica.nodeCount > tree.nodeCount - 3)
            for index in 0..<replica.nodeCount {
                let node = NodeID(rawValue: Int32(index))
                #expect(replica.kind(node) == tree.kind(node))
                #expect(replica.range(node) == tree.range(node))
                #expect(replica.string(node) == tree.string(node))
                #expect(replica.count(node) == tree.count(node))
                #expect(Array(replica.elements(node)) == Array(tree.elements(node)))
                #expect(Array(replica.entries(node)) == Array(tree.entries(node)))
                #expect(replica.intrinsic(node)?.argument == tree.intrinsic(node)?.argument)
            }
        }
    }

    @Test func publicationsComeEveryFewBytes() {
        var text = "Resources:\n"
        for index in 0..<200 { text += "  R\(index): {Type: AWS::SNS::Topic}\n" }
        // Each resource is 33 bytes or so: one publication for about every 30 at 1 KiB. A follower
        // that runs late takes several in one batch (CI saw one batch), so publications are counted
        // where the loader makes them.
        let (_, batches, _, publications) = Self.followed(text, publicationBytes: 1024)
        #expect(publications >= 6)
        #expect(publications <= 12)
        #expect(batches.count >= 1)
        #expect(batches.count <= publications)
        #expect(batches.flatMap { $0 }.count == 201)
    }

    @Test func aFailedLoadFinishesTheProgress() {
        for text in ["Resources:\n  A: {Type: x}\n  B: [unclosed\n", "", "\u{FEFF}"] {
            let (result, batches, _, _) = Self.followed(text, publicationBytes: 1)
            #expect(result.diagnostics.contains { $0.isFatal } || result.tree == nil)
            #expect(batches.flatMap { $0 }.count <= 1)
        }
    }

    @Test func aCancelledProgressIsNoLongerFed() {
        let progress = LoadProgress(publicationBytes: 1)
        #expect(progress.follow())
        progress.cancel()
        let result = YAMLLoader.load(Array(Self.template.utf8), progress: progress)
        #expect(result.tree != nil)
        var replica = NodeTree()
        #expect(progress.next(into: &replica) == nil)
        #expect(replica.nodeCount == 0)
        #expect(!progress.follow())
    }

    @Test func nothingIsCopiedForAProgressNobodyFollows() {
        let progress = LoadProgress(publicationBytes: 1)
        _ = YAMLLoader.load(Array(Self.template.utf8), progress: progress)
        #expect(!progress.follow())
        var replica = NodeTree()
        #expect(progress.next(into: &replica) == nil)
        #expect(replica.nodeCount == 0)
    }
}
