package bot

// ProfileForm exposes profileForm to the black-box tests.
var ProfileForm = profileForm
