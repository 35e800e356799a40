import { useQuery } from '@tanstack/react-query';
import { fetchClusters, fetchDistricts, fetchIndustries, referenceKeys } from '../modules/reference/api';

/** Reference lists change rarely: fetched once per session. */
export function useReference() {
  const districts = useQuery({ queryKey: referenceKeys.districts, queryFn: fetchDistricts, staleTime: Infinity });
  const industries = useQuery({ queryKey: referenceKeys.industries, queryFn: fetchIndustries, staleTime: Infinity });
  const clusters = useQuery({ queryKey: referenceKeys.clusters, queryFn: fetchClusters, staleTime: Infinity });
  const districtName = (code: string | null | undefined) => (code ? (districts.data?.find((d) => d.code === code)?.name ?? code) : '');
  const industryName = (code: string | null | undefined) => (code ? (industries.data?.find((i) => i.code === code)?.name ?? code) : '');
  const clusterName = (code: string | null | undefined) => (code ? (clusters.data?.find((c) => c.code === code)?.name ?? code) : '');
  /** A 大类 code as the Cascader's [门类, 大类] path (a 门类 alone as [门类]). */
  const industryPath = (code: string | null | undefined) =>
    code ? (/^\d/.test(code) ? [industries.data?.find((i) => i.code === code)?.parentCode ?? '', code] : [code]) : undefined;
  return {
    industryPath,
    districts: districts.data ?? [],
    industries: industries.data ?? [],
    clusters: clusters.data ?? [],
    districtName,
    industryName,
    clusterName,
  };
}
