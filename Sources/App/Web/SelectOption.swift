/// One choice of a `<select>` or a group of radio buttons, as templates show it.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}
