-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false;
