-- Reserved during development of this wave; replaced by its migration before release.
SELECT 1;
