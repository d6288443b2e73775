import ArgumentParser
import Foundation

extension CfnLambda {
    /// Runs the command line, as ArgumentParser's `main()` does, reading the common `validate` and
    /// `plan` command lines by hand (`CommonCommandLine`) and every other one with ArgumentParser.
    static func main() {
        guard var command = CommonCommandLine.parse(Array(CommandLine.arguments.dropFirst())) else {
            main(nil)
            return
        }
        do {
            try command.run()
        } catch let code as ExitCode {
            // What ArgumentParser does with it, without building the usage text it then does not print.
            Foundation.exit(code.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
