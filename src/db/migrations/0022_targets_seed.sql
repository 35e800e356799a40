CREATE INDEX "enterprise_honours_kind_idx" ON "enterprise_honours" USING btree ("kind","enterprise_id");--> statement-breakpoint
-- The published targets (facts, present on every fresh start): the city's 2025 goals (渝府办发〔2022〕23号),
-- its 2027 goals (渝府办发〔2024〕14号), 荣昌区 2025 (荣昌府办规〔2022〕2号) and 渝北区 2025 (渝北府办发〔2022〕38号).
-- Baselines: the plan's start. Progress is computed from the registry, never stored.
INSERT INTO targets (level, unit_code, indicator, measure, year, baseline_on, value, document_no, source) VALUES
  ('city', NULL, 'innovative', 'stock', 2025, '2022-01-01', 25000, '渝府办发〔2022〕23号', 'published'),
  ('city', NULL, 'srdi', 'stock', 2025, '2022-01-01', 2500, '渝府办发〔2022〕23号', 'published'),
  ('city', NULL, 'little_giant', 'stock', 2025, '2022-01-01', 300, '渝府办发〔2022〕23号', 'published'),
  ('city', NULL, 'listed', 'new', 2025, '2022-01-01', 25, '渝府办发〔2022〕23号', 'published'),
  ('city', NULL, 'digital_workshop', 'stock', 2025, '2022-01-01', 400, '渝府办发〔2022〕23号', 'published'),
  ('city', NULL, 'smart_factory', 'stock', 2025, '2022-01-01', 50, '渝府办发〔2022〕23号', 'published'),
  ('city', NULL, 'green_factory', 'stock', 2025, '2022-01-01', 100, '渝府办发〔2022〕23号', 'published'),
  ('city', NULL, 'srdi', 'stock', 2027, '2024-01-01', 5000, '渝府办发〔2024〕14号', 'published'),
  ('city', NULL, 'little_giant', 'new', 2027, '2024-01-01', 120, '渝府办发〔2024〕14号', 'published'),
  ('city', NULL, 'tech_sme', 'stock', 2027, '2024-01-01', 86000, '渝府办发〔2024〕14号', 'published'),
  ('city', NULL, 'high_tech', 'stock', 2027, '2024-01-01', 12800, '渝府办发〔2024〕14号', 'published'),
  ('district', '500153', 'tech_sme', 'stock', 2025, '2022-01-01', 1300, '荣昌府办规〔2022〕2号', 'published'),
  ('district', '500153', 'high_tech', 'stock', 2025, '2022-01-01', 300, '荣昌府办规〔2022〕2号', 'published'),
  ('district', '500153', 'srdi', 'stock', 2025, '2022-01-01', 100, '荣昌府办规〔2022〕2号', 'published'),
  ('district', '500153', 'little_giant', 'stock', 2025, '2022-01-01', 10, '荣昌府办规〔2022〕2号', 'published'),
  ('district', '500153', 'listed', 'new', 2025, '2022-01-01', 1, '荣昌府办规〔2022〕2号', 'published'),
  ('district', '500112', 'srdi', 'stock', 2025, '2022-01-01', 180, '渝北府办发〔2022〕38号', 'published'),
  ('district', '500112', 'little_giant', 'stock', 2025, '2022-01-01', 23, '渝北府办发〔2022〕38号', 'published');
