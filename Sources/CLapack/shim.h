/* Prototypes of the Fortran LAPACK routines Interphase calls (column-major, all arguments by pointer).
   OpenBLAS (Debian libopenblas-dev) provides them. Only InterphaseNumerics/LAPACK+C.swift calls these. */
#ifndef INTERPHASE_CLAPACK_SHIM_H
#define INTERPHASE_CLAPACK_SHIM_H
/* Least squares min ||A x - b|| by QR (full rank). */
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, double *work, const int *lwork, int *info);
/* Solve A X = B by LU with partial pivoting. */
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info);
/* Symmetric eigenproblem. */
void dsyev_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
            double *work, const int *lwork, int *info);
/* OpenBLAS: Interphase's matrices are small; one thread avoids idle worker threads spinning. */
void openblas_set_num_threads(int num_threads);
/* Stops OpenBLAS's worker threads (exported by OpenBLAS; its fork handler uses it). */
int blas_thread_shutdown_(void);
#endif
