// TEMPORARY (issue 9): the old module entry, kept only so that files still being written elsewhere
// keep compiling; import from the files named below instead. The lead removes this file at the end.
export { requireCluster, requireDistrict, requireIndustryDivision } from './check-reference-codes.js';
export { findDistrict } from './find-district.js';
export { listClusters } from './list-clusters.js';
export { listDistricts } from './list-districts.js';
export { listIndustries } from './list-industries.js';
export { referenceNames } from './reference-names.js';
