/// Version 6: separation of duties. Making an account an administrator takes two admins: one
/// asks (a row here), another confirms; until then the account keeps its role.
extension Schema {
    static let v6AdminGrants = Migration(
        name: "v6-admin-grants",
        statements: [
            """
            CREATE TABLE admin_grants (
                staff_id BIGINT PRIMARY KEY REFERENCES staff(id), requested_by BIGINT NOT NULL REFERENCES staff(id),
                requested_at TEXT NOT NULL)
            """
        ])
}
