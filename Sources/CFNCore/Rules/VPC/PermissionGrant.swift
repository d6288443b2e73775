/// Something that may give a role some of the actions asked about, and the guard under which it is
/// there: an `Allow` statement, an AWS managed policy, or something whose permissions are not known
/// (then it may give every action asked about).
struct PermissionGrant: Hashable {
    var guardCondition: Guard
    var actions: Set<String>
}
