//! 自己点検 in the database: answers saved as they are typed, submissions and their versions.
