import { useQuery } from '@tanstack/react-query';
import { api, type District } from './api';

export interface Industry {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}
export interface Cluster {
  code: string;
  name: string;
  category: string;
  active: boolean;
}

/** Reference lists change rarely: fetched once per session. */
export function useReference() {
  const districts = useQuery({ queryKey: ['districts'], queryFn: () => api<District[]>('/api/reference/districts'), staleTime: Infinity });
  const industries = useQuery({
    queryKey: ['industries'],
    queryFn: () => api<Industry[]>('/api/reference/industries'),
    staleTime: Infinity,
  });
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: () => api<Cluster[]>('/api/reference/clusters'), staleTime: Infinity });
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
