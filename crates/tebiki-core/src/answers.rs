//! 自己点検の回答: answer values and the rules an answer must follow.
